// The county administrator's import of the state extract: choose a zip, check it (nothing is
// written), import it, see the counts and the batch in the recent imports; a zip with a client of
// another county is refused with its line. The zips are written here; the client ids are new on
// every run, so the shared demo database only gains two nameless youth.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { expectNoAxeViolations, signIn } from './support.js';

const ADMIN = 'admin@la.demo';

test('the county administrator checks the extract, imports it and sees what it did', async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'harbor-e2e-import-'));
  try {
    const id = `E2E${Date.now()}`;
    const good = path.join(dir, 'extract.zip');
    writeFileSync(
      good,
      zipSync({
        'extract/clients.csv': strToU8(
          `client_id,county,date_of_birth,first_name,last_name,sex\n${id}-1,037,2010-04-02,,,F\n${id}-2,Los Angeles,2011-05-03,,,M\n`,
        ),
        'extract/referrals.csv': strToU8(
          `referral_id,client_id,received_date,disposition_date\n${id}-R1,${id}-1,2025-01-10,2025-02-01\n`,
        ),
        'extract/notes.txt': strToU8('January'),
      }),
    );
    const other = path.join(dir, 'other-county.zip');
    writeFileSync(
      other,
      zipSync({
        'clients.csv': strToU8(
          `client_id,county,date_of_birth,first_name,last_name,sex\n${id}-3,Los Angeles,,,,\n${id}-4,San Diego,,,,\n`,
        ),
      }),
    );

    await signIn(page, ADMIN);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import extract' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import the state extract' })).toBeVisible();
    await expect(page).toHaveTitle('Import the state extract | Harbor');
    await page.getByText('What the zip file holds').click();
    await expect(page.getByText(/^clients\.csv: one row per client/)).toBeVisible();
    await expectNoAxeViolations(page, 'the import page');

    // No file yet: the form says what to do, and nothing is sent.
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect(page.getByRole('alert')).toContainText('Choose the zip file of the extract.');

    const input = page.getByLabel('Zip file of the extract');
    await input.setInputFiles(good);
    await page.getByRole('button', { name: 'Check the files' }).click();
    const checked = page.getByRole('heading', { level: 2, name: 'The check found no errors' });
    await expect(checked).toBeFocused();
    await expect(page.getByText('This is what the import would do. Nothing was written.')).toBeVisible();
    const files = page.getByRole('table', { name: 'Rows of each file and what the import does with them' });
    await expect(files.getByRole('row', { name: /clients\.csv/ }).getByRole('cell')).toHaveText([
      'clients.csv',
      '2',
      '2',
      '0',
      '0',
      '0',
      'None',
    ]);
    await expect(
      files
        .getByRole('row', { name: /referrals\.csv/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('1');
    await expect(page.getByRole('listitem').filter({ hasText: 'extract/notes.txt' })).toBeVisible();
    await expectNoAxeViolations(page, 'the result of a check');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'The extract was imported' })).toBeFocused();
    await expect(
      files
        .getByRole('row', { name: /clients\.csv/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('2');
    await expect(page.getByRole('heading', { level: 3, name: 'Data quality' })).toBeVisible();
    const recent = page.getByRole('table', { name: /recent imports of the state extract/ });
    await expect(recent.getByRole('row').nth(1)).toContainText('Upload');
    await expect(recent.getByRole('row').nth(1)).toContainText('2 new, 0 updated, 0 unchanged');

    // The same zip again: nothing changes.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Nothing changed' })).toBeFocused();

    // A client of another county: refused with its line, nothing imported.
    await input.setInputFiles(other);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const refused = page.getByRole('heading', { level: 2, name: 'Nothing was imported: 1 error to fix' });
    await expect(refused).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('Nothing was imported');
    const errors = page.getByRole('table', { name: 'The rows to fix, by file and line' });
    const row = errors.getByRole('row').nth(1).getByRole('cell');
    await expect(row.nth(0)).toHaveText('clients.csv');
    await expect(row.nth(1)).toHaveText('3');
    await expect(row.nth(2)).toHaveText('county');
    await expect(row.nth(3)).toContainText("This client is in another county. Upload only your county's clients.");
    await expectNoAxeViolations(page, 'the errors of a refused import');

    // Not a zip at all: the server's problem, translated.
    const text = path.join(dir, 'clients.zip');
    writeFileSync(text, 'client_id,county\n1,037\n');
    await input.setInputFiles(text);
    await page.getByRole('button', { name: 'Check the files' }).click();
    await expect(page.getByRole('alert')).toContainText('This file is not a zip file, or the zip is damaged.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('other roles have no import page', async ({ page }) => {
  await signIn(page, 'supervisor@la.demo');
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Import extract' }),
  ).toHaveCount(0);
  await page.goto('/admin/import');
  await expect(page).not.toHaveURL(/\/admin\/import$/);
});
