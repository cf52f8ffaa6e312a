import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { openLibrary, useUi } from '../store/ui';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps a failing screen from blanking the window: the header stays usable and the error is shown.
 * Keyed by route in App, so navigating away gives the next screen a fresh start.
 */
export class ScreenBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  render() {
    return this.state.error ? <ScreenError message={this.state.error.message} /> : this.props.children;
  }
}

function ScreenError({ message }: { message: string }) {
  const { t } = useTranslation('common');
  const onPage = useUi((state) => state.route.name === 'page');
  return (
    <div className="empty-state" role="alert">
      <p>{t('screenFailed')}</p>
      <pre className="error-detail">{message}</pre>
      {onPage && (
        <button type="button" onClick={openLibrary}>
          {t('backToLibrary')}
        </button>
      )}
    </div>
  );
}
