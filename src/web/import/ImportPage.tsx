// The county administrator's upload of the state extract (POST /api/admin/imports/extract):
// choose the zip, check it (a dry run) or import it, and read what the import did or would do,
// file by file, or the rows to fix. Then the county's recent imports (GET /api/admin/imports).
// Counts, file names and line numbers only: the server never sends a name or a client id.
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  ImportBatchList,
  ImportBatchView,
  ImportErrorView,
  ImportFile,
  ImportSummaryView,
} from '../../contract/imports';
import { api } from '../api';
import { ActionErrorAlert, toActionError, type ActionError } from '../components/ActionErrorAlert';
import { ApiErrorView } from '../components/ApiErrorView';
import { DataTable } from '../components/DataTable';
import { DetailList } from '../components/DetailList';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { formatCountyDateTime, formatNumber } from '../lib/format';
import { can } from '../lib/roles';
import { useApi } from '../lib/useApi';
import { useLanguage } from '../lib/useLanguage';
import { useActiveSession } from '../auth/SessionContext';

export { canImportExtract } from './roles';

/** The server's cap (MAX_UPLOAD_BYTES of src/contract/imports.ts), repeated so zod stays off the page. */
const MAX_MEGABYTES = 512;
const FILES: ImportFile[] = ['clients', 'referrals', 'cases', 'csec_types'];
const FILE_INPUT = 'extract-file';
const RESULT_HEADING = 'import-result-heading';

type Mode = 'check' | 'import';

export function ImportPage() {
  const { t } = useTranslation();
  const session = useActiveSession();
  const county = session.user.county.name;
  const batches = useApi<ImportBatchList>('/api/admin/imports');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [problem, setProblem] = useState<{ message: string; attempt: number } | null>(null);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [result, setResult] = useState<{ summary: ImportSummaryView; attempt: number } | null>(null);
  const attempts = useRef(0);

  const send = async (mode: Mode) => {
    const attempt = ++attempts.current;
    setResult(null);
    setFailure(null);
    const local = !file
      ? t('imports.form.noFile')
      : !/\.zip$/i.test(file.name)
        ? t('imports.form.notZip')
        : file.size > MAX_MEGABYTES * 1024 * 1024
          ? t('imports.form.tooLarge', { max: MAX_MEGABYTES })
          : null;
    setProblem(local ? { message: local, attempt } : null);
    if (local || !file) return;
    setBusy(mode);
    try {
      const summary = await api<ImportSummaryView>(`/api/admin/imports/extract?dryRun=${mode === 'check'}`, {
        method: 'POST',
        raw: { data: file, type: 'application/zip' },
      });
      setResult({ summary, attempt });
      if (!summary.dryRun && summary.batchId) batches.refresh();
    } catch (err) {
      setFailure(toActionError(err, attempt));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send('check');
  };

  return (
    <>
      <PageHeading documentTitle={t('imports.title')}>{t('imports.title')}</PageHeading>
      <p className="usa-intro">{t('imports.intro', { county })}</p>
      <details className="margin-bottom-3">
        <summary className="text-bold">{t('imports.format.summary')}</summary>
        <p>{t('imports.format.intro')}</p>
        <ul className="usa-list">
          {FILES.map((f) => (
            <li key={f}>{t(`imports.format.${f}`, { county })}</li>
          ))}
        </ul>
      </details>

      {problem && <ErrorSummary key={problem.attempt} problems={[{ field: FILE_INPUT, message: problem.message }]} />}
      <form className="usa-form usa-form--large" aria-label={t('imports.form.label')} onSubmit={onSubmit} noValidate>
        <Field
          id={FILE_INPUT}
          label={t('imports.form.file')}
          hint={t('imports.form.fileHint', { max: MAX_MEGABYTES })}
          error={problem?.message}
        >
          {(describedBy) => (
            <input
              id={FILE_INPUT}
              name="extract"
              type="file"
              accept=".zip,application/zip"
              className="display-block margin-top-1"
              aria-describedby={describedBy}
              aria-invalid={problem ? true : undefined}
              disabled={busy !== null}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
          )}
        </Field>
        <ButtonGroup>
          <Button type="submit" outline disabled={busy !== null}>
            {t('imports.form.check')}
          </Button>
          <Button type="button" disabled={busy !== null} onClick={() => void send('import')}>
            {t('imports.form.import')}
          </Button>
        </ButtonGroup>
      </form>
      <div aria-live="polite" className="margin-top-2">
        {busy && (
          <p className="harbor-loading">{t(busy === 'check' ? 'imports.form.checking' : 'imports.form.importing')}</p>
        )}
      </div>
      {failure && <ActionErrorAlert key={failure.attempt} error={failure} heading={t('imports.form.failed')} />}
      {result && <ImportResult key={result.attempt} summary={result.summary} />}

      <section className="harbor-section margin-top-5" aria-labelledby="import-batches-heading">
        <h2 id="import-batches-heading">{t('imports.batches.heading')}</h2>
        {batches.result.status === 'loading' ? (
          <Loading />
        ) : batches.result.status === 'error' ? (
          <ApiErrorView error={batches.result.error} onRetry={batches.reload} />
        ) : batches.result.data.batches.length === 0 ? (
          <p>{t('imports.batches.none', { county })}</p>
        ) : (
          <BatchTable batches={batches.result.data.batches} />
        )}
      </section>
    </>
  );
}

/** What the import did, or would do, or why it did nothing. Focus moves to its heading. */
function ImportResult({ summary }: { summary: ImportSummaryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (x: number) => formatNumber(x, language);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const [title, text] = !summary.ok
    ? [t('imports.result.refused', { count: summary.errorCount }), t('imports.result.refusedText')]
    : summary.dryRun
      ? [t('imports.result.checkedOk'), t('imports.result.checkedOkText')]
      : summary.nothingChanged
        ? [t('imports.result.nothingChanged'), t('imports.result.nothingChangedText')]
        : [t('imports.result.imported'), t('imports.result.importedText')];
  const present = FILES.filter((f) => summary.files[f].present);

  return (
    <section className="harbor-section margin-top-3" aria-labelledby={RESULT_HEADING}>
      <div
        role={summary.ok ? 'status' : 'alert'}
        className={`usa-alert usa-alert--${summary.ok ? 'success' : 'error'} margin-bottom-3`}
      >
        <div className="usa-alert__body">
          <h2 id={RESULT_HEADING} ref={heading} tabIndex={-1} className="usa-alert__heading harbor-focus-target">
            {title}
          </h2>
          <p className="usa-alert__text">{text}</p>
          {summary.ok && summary.nothingChanged && summary.dryRun && (
            <p className="usa-alert__text">{t('imports.result.nothingChangedText')}</p>
          )}
        </div>
      </div>

      {!summary.ok ? (
        <ErrorTable summary={summary} />
      ) : (
        <>
          <h3>{t('imports.result.filesHeading')}</h3>
          <DataTable
            caption={t('imports.result.filesCaption')}
            rowKey={(f) => f}
            rows={present}
            columns={[
              { key: 'file', header: t('imports.result.file'), cell: (f) => `${f}.csv` },
              { key: 'rows', header: t('imports.result.rows'), cell: (f) => n(summary.files[f].rows) },
              { key: 'inserted', header: t('imports.result.inserted'), cell: (f) => n(summary.files[f].inserted) },
              { key: 'updated', header: t('imports.result.updated'), cell: (f) => n(summary.files[f].updated) },
              { key: 'unchanged', header: t('imports.result.unchanged'), cell: (f) => n(summary.files[f].unchanged) },
              { key: 'repeated', header: t('imports.result.repeated'), cell: (f) => n(summary.files[f].repeated) },
              {
                key: 'ignored',
                header: t('imports.result.ignoredColumns'),
                cell: (f) => summary.files[f].ignoredColumns.join(', ') || t('imports.result.noIgnoredColumns'),
              },
            ]}
          />
          {present.some((f) => summary.files[f].repeated > 0) && (
            <p className="usa-hint">{t('imports.result.repeatedHint')}</p>
          )}
          {summary.files.csec_types.present && (
            <>
              <h3>{t('imports.result.associationHeading')}</h3>
              <DetailList
                wideLabels
                items={[
                  { key: 'referral', label: t('imports.result.withReferral'), value: n(summary.association.referral) },
                  { key: 'case', label: t('imports.result.withCase'), value: n(summary.association.case) },
                  { key: 'none', label: t('imports.result.withNeither'), value: n(summary.association.none) },
                  ...(summary.typesKeptFromHarbor
                    ? [
                        {
                          key: 'kept',
                          label: t('imports.result.keptFromHarbor'),
                          value: n(summary.typesKeptFromHarbor),
                        },
                      ]
                    : []),
                ]}
              />
            </>
          )}
          {summary.dataQuality && <DataQuality counts={summary.dataQuality} />}
        </>
      )}
      {summary.ignoredFiles.length > 0 && (
        <>
          <h3>{t('imports.result.ignoredFilesHeading')}</h3>
          <p>{t('imports.result.ignoredFilesText')}</p>
          <ul className="usa-list">
            {summary.ignoredFiles.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function DataQuality({ counts }: { counts: { opened: number; fixed: number } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useActiveSession();
  return (
    <>
      <h3>{t('imports.result.dataQualityHeading')}</h3>
      <DetailList
        wideLabels
        items={[
          { key: 'opened', label: t('imports.result.dataQualityNew'), value: formatNumber(counts.opened, language) },
          { key: 'fixed', label: t('imports.result.dataQualityFixed'), value: formatNumber(counts.fixed, language) },
        ]}
      />
      {can(session, 'data_quality.work') ? (
        <p>
          <Link to="/data-quality" className="usa-link">
            {t('imports.result.dataQualityLink')}
          </Link>
        </p>
      ) : (
        <p>{t('imports.result.dataQualitySupervisors')}</p>
      )}
    </>
  );
}

/** The hard errors: file, line, column and what is wrong (translated), the server's detail below it. */
function ErrorTable({ summary }: { summary: ImportSummaryView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const more = summary.errorCount - summary.errors.length;
  return (
    <>
      <h3>{t('imports.result.errorsHeading')}</h3>
      <DataTable<ImportErrorView & { key: string }>
        caption={t('imports.result.errorsCaption')}
        rowKey={(e) => e.key}
        rows={summary.errors.map((e, i) => ({ ...e, key: `${i}` }))}
        columns={[
          { key: 'file', header: t('imports.result.file'), cell: (e) => e.file },
          {
            key: 'line',
            header: t('imports.result.line'),
            cell: (e) => (e.line ? formatNumber(e.line, language) : t('imports.result.wholeFile')),
          },
          { key: 'column', header: t('imports.result.column'), cell: (e) => e.column ?? '' },
          {
            key: 'problem',
            header: t('imports.result.problem'),
            cell: (e) => (
              <>
                {t(`imports.errorCodes.${e.code}`)}
                <span className="display-block text-base-dark font-sans-3xs">{e.reason}</span>
              </>
            ),
          },
        ]}
      />
      {more > 0 && (
        <>
          <p>{t('imports.result.more', { count: more })}</p>
          <ul className="usa-list">
            {Object.entries(summary.errorsByCode).map(([code, count]) => (
              <li key={code}>
                {t('imports.result.byCode', {
                  problem: t(`imports.errorCodes.${code}`),
                  count: formatNumber(count ?? 0, language),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function BatchTable({ batches }: { batches: ImportBatchView[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = (c: ImportBatchView['files'][ImportFile]) =>
    c
      ? t('imports.batches.counts', {
          inserted: formatNumber(c.inserted, language),
          updated: formatNumber(c.updated, language),
          unchanged: formatNumber(c.unchanged, language),
        })
      : t('imports.batches.notIncluded');
  return (
    <DataTable
      caption={t('imports.batches.caption')}
      rowKey={(b) => b.id}
      rows={batches}
      columns={[
        {
          key: 'when',
          header: t('imports.batches.when'),
          cell: (b) => formatCountyDateTime(b.finishedAt ?? b.startedAt, language),
        },
        {
          key: 'source',
          header: t('imports.batches.source'),
          cell: (b) => (
            <>
              {t(`imports.batches.sources.${b.source}`)}
              {b.nothingChanged && <span className="display-block">{t('imports.batches.nothingChanged')}</span>}
            </>
          ),
        },
        ...FILES.map((f) => ({
          key: f,
          header: t(`imports.batches.files.${f}`),
          cell: (b: ImportBatchView) => counts(b.files[f]),
        })),
      ]}
    />
  );
}
