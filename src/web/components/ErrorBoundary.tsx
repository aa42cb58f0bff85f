import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorContent } from './ErrorContent';

interface State {
  failed: boolean;
}

/** Shows the generic error page instead of a blank screen if a page crashes while rendering. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console only; no youth data is sent anywhere.
    console.error('Page crashed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <ErrorContent requestId={null} /> : this.props.children;
  }
}
