import { Button } from '@trussworks/react-uswds';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
  outline?: boolean;
}

/** A button that shows or hides a form below it (aria-expanded tells screen readers which). */
export function Disclosure({ id, label, open, onToggle, children, outline = true }: Props) {
  return (
    <div className="harbor-disclosure">
      <Button type="button" outline={outline} aria-expanded={open} aria-controls={id} onClick={() => onToggle(!open)}>
        {label}
      </Button>
      <div id={id} hidden={!open} className="harbor-disclosure__body">
        {open && children}
      </div>
    </div>
  );
}
