// Lists that scale (src/contract/paging.ts): the pager under a server-paged list, and the sort
// choice that stands in for the sortable headers on phones (stacked tables hide their headers).
import { Button, Label, Select } from '@trussworks/react-uswds';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';
import { formatNumber } from '../lib/format';
import { useLanguage } from '../lib/useLanguage';
import type { TableSort } from './DataTable';

interface PagerProps {
  total: number;
  offset: number;
  limit: number;
  onPage: (offset: number) => void;
  /** Names the navigation landmark, e.g. "Pages of My youth". */
  label: string;
}

/** "Page 1 of 2" with Previous and Next; nothing when everything fits on one page. */
export function Pager({ total, offset, limit, onPage, label }: PagerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="harbor-pager">
      <Button type="button" outline disabled={page <= 1} onClick={() => onPage(Math.max(0, offset - limit))}>
        {t('lists.previous')}
      </Button>
      <span>{t('lists.pageOf', { page: formatNumber(page, language), pages: formatNumber(pages, language) })}</span>
      <Button type="button" outline disabled={page >= pages} onClick={() => onPage(offset + limit)}>
        {t('lists.next')}
      </Button>
    </nav>
  );
}

/** The numbers of "Showing 1–25 of 26 …", in the reader's language, for a list's own sentence. */
export function showingNumbers(language: Language, p: { total: number; offset: number; shown: number }) {
  return {
    from: formatNumber(p.offset + 1, language),
    to: formatNumber(p.offset + p.shown, language),
    total: formatNumber(p.total, language),
    count: p.total,
  };
}

/** The sort as a choice, for phones, where the stacked table hides its sortable headers. */
export function SortChoice({
  id,
  options,
  sort,
  onChange,
}: {
  id: string;
  /** Each choice in words: "Name, A to Z", "Date of birth, youngest first". */
  options: { key: string; dir: 'asc' | 'desc'; label: string }[];
  sort: TableSort;
  onChange: (key: string, dir: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const value = `${sort.key}:${sort.dir}`;
  return (
    <div className="mobile-lg:display-none margin-bottom-2">
      <Label htmlFor={id} className="margin-top-0">
        {t('lists.sortBy')}
      </Label>
      <Select
        id={id}
        name="sort"
        value={value}
        onChange={(e) => {
          const [key = sort.key, dir] = e.target.value.split(':');
          onChange(key, dir === 'desc' ? 'desc' : 'asc');
        }}
      >
        {options.map((o) => (
          <option key={`${o.key}:${o.dir}`} value={`${o.key}:${o.dir}`}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
