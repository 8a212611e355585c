export interface ErrorBannerProps {
  message: string;
  /** Whether older data is still on screen, so the reader knows it may be stale. */
  showingStaleData: boolean;
}

export function ErrorBanner({ message, showingStaleData }: ErrorBannerProps) {
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>無法取得最新資料 Could not load the latest data</strong>（{message}）
      {showingStaleData ? ' 畫面為先前資料，自動重試中 Showing earlier data; retrying…' : ' 自動重試中 Retrying…'}
    </div>
  );
}
