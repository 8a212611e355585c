export interface ErrorBannerProps {
  message: string;
  /** Whether older data is still on screen, so the reader knows it may be stale. */
  showingStaleData: boolean;
  /** The server refused the range asked for: retrying will not help, another range will. */
  rangeRejected?: boolean;
}

export function ErrorBanner({ message, showingStaleData, rangeRejected = false }: ErrorBannerProps) {
  if (rangeRejected) {
    return (
      <div className="error-banner" role="alert" data-testid="error-banner">
        <strong>無法顯示此期間 Cannot show this range</strong>（{message}） 請選擇其他期間 Choose another range.
        {showingStaleData ? ' 畫面為先前期間 Showing the previous range.' : ''}
      </div>
    );
  }
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>無法取得最新資料 Could not load the latest data</strong>（{message}）
      {showingStaleData ? ' 畫面為先前資料，自動重試中 Showing earlier data; retrying…' : ' 自動重試中 Retrying…'}
    </div>
  );
}
