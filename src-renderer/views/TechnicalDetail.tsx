import { useTranslation } from 'react-i18next';

/** An error's own words, untranslated and folded away, below the translated message that says what failed. */
export function TechnicalDetail({ text }: { text: string }) {
  const { t } = useTranslation('common');
  return (
    <details className="technical-detail">
      <summary>{t('technicalDetail')}</summary>
      <pre>{text}</pre>
    </details>
  );
}
