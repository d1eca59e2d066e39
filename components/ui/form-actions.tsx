import { Button } from './button';

/** A dialog form's footer: Cancel (off while the form is busy) and the submit button. */
export function FormActions({ busy, cancelLabel, submitLabel, onCancel }: { busy: boolean; cancelLabel: string; submitLabel: string; onCancel: () => void }) {
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
        {cancelLabel}
      </Button>
      <Button type="submit" busy={busy}>
        {submitLabel}
      </Button>
    </div>
  );
}
