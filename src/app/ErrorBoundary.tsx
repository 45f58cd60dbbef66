/** A crashed panel shows what happened and a way back, never a blank page. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** What the boundary guards, for the message ("the Consistent Hashing panel"). */
  what: string;
  /** Loads the lab's defaults (a scenario that may not crash). */
  onLoadDefaults?: () => void;
}

interface State {
  error: Error | undefined;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} crashed`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h2>Something went wrong in {this.props.what}</h2>
        <p>{error.message}</p>
        <div className="crash-actions">
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
          {this.props.onLoadDefaults && (
            <button
              type="button"
              onClick={() => {
                this.props.onLoadDefaults?.();
                this.setState({ error: undefined });
              }}
            >
              Load the defaults
            </button>
          )}
        </div>
      </div>
    );
  }
}
