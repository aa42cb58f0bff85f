import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ImportBatchList, ImportSummaryView, ImportUploadBody, ImportUploadQuery } from '../../contract/imports.js';
import { HarborError } from '../../errors.js';
import { routes } from '../../server/route.js';
import { listImportBatches } from './batches.js';
import { receiveExtract, UploadFolder, uploadEmpty } from './upload.js';

const ZIP = 'application/zip';
const isStream = (body: unknown): body is Readable =>
  typeof (body as Readable | null)?.pipe === 'function' && typeof (body as Readable).on === 'function';

/**
 * The county administrator's import of the state extract (docs/IMPORT.md), and the county's
 * recent imports. The upload answers 200 with the import's summary whether or not the import
 * went through: the request was understood, and the summary is the answer. `ok: false` lists the
 * hard errors by file, line and column, and then nothing was written (a missing clients.csv is
 * one of those errors). A body that is not a readable zip is a 400 problem.
 */
export function registerImportRoutes(app: FastifyInstance) {
  const tags = ['imports'];
  const config = { policy: { access: 'admin' as const, ability: 'import.extract' as const } };

  // The zip arrives as a stream: this plugin's parser hands it through unread (Fastify's 1 MiB
  // body limit applies to the bodies it reads itself), and the route saves it to a temporary
  // file with its own cap, after the policy hook has let the request through.
  void app.register(async (scope) => {
    scope.addContentTypeParser(ZIP, (_request, payload, done) => done(null, payload));
    routes(scope).post(
      '/api/admin/imports/extract',
      {
        config,
        schema: {
          tags,
          operationId: 'importExtract',
          summary:
            'Import the state extract for your county: a zip (Content-Type: application/zip, at most 512 MB) of ' +
            'clients.csv and, optionally, referrals.csv, cases.csv and csec_types.csv. ?dryRun=true checks and ' +
            'counts without writing. Answers 200 with the summary either way: ok false lists the hard errors ' +
            '(file, line, column, code) and nothing was written. 400 not_a_zip for a body that is not a readable ' +
            'zip; 413 upload_too_large or extract_too_large. Counts and line numbers only, never a name.',
          querystring: ImportUploadQuery,
          consumes: [ZIP],
          body: ImportUploadBody,
          response: { 200: ImportSummaryView },
        },
      },
      async (request, ctx, reply) => {
        const body: unknown = request.body;
        if (body === undefined || body === null || body === '') throw uploadEmpty();
        if (!isStream(body))
          throw new HarborError(
            415,
            'unsupported_media_type',
            'Send the extract as a zip file (Content-Type: application/zip).',
          );
        const folder = await UploadFolder.create();
        try {
          const { dir, ignored } = await receiveExtract(body, folder);
          const summary = await ctx.importExtract({ dir, dryRun: request.query.dryRun });
          return { ...summary, ignoredFiles: [...ignored, ...summary.ignoredFiles] };
        } catch (err) {
          // The rest of an oversized body is not read: close the connection after the answer.
          if (err instanceof HarborError && err.statusCode === 413) reply.header('connection', 'close');
          throw err;
        } finally {
          await folder.remove();
        }
      },
    );
  });

  routes(app).get(
    '/api/admin/imports',
    {
      config,
      schema: {
        tags,
        summary: "Your county's latest imports of the state extract, newest first (at most 50), with their counts",
        response: { 200: ImportBatchList },
      },
    },
    async (_request, ctx) => listImportBatches(ctx),
  );
}
