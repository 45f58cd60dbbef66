/** Non-blocking banners at the top of the page: what happened, a copyable link when one was refused, dismiss. */
import { useRef, useState } from 'react';
import { copyText } from './clipboard';
import { inertText } from './links/inert';
import { useAppStore } from './useAppStore';
import type { Banner } from './store';

export function Banners() {
  const banners = useAppStore((s) => s.banners);
  if (banners.length === 0) return null;
  return (
    <div className="banners">
      {banners.map((banner) => (
        <BannerView key={banner.id} banner={banner} />
      ))}
    </div>
  );
}

function BannerView({ banner }: { banner: Banner }) {
  const dismiss = useAppStore((s) => s.dismissBanner);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>('');
  return (
    <div className={`banner banner-${banner.tone}`} role={banner.tone === 'error' ? 'alert' : 'status'}>
      {/* Inert: a link's text cannot reorder or restyle the app's own words. */}
      <p className="banner-message">{inertText(banner.message)}</p>
      {banner.copyText !== undefined && (
        <div className="banner-copy">
          <label>
            <span className="visually-hidden">{banner.copyLabel ?? 'Text to copy'}</span>
            <input ref={field} readOnly dir="ltr" value={banner.copyText} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            onClick={async () => {
              const ok = await copyText(banner.copyText ?? '', field.current);
              setCopied(ok ? 'Copied.' : 'Selected: press Ctrl+C (or Cmd+C) to copy.');
            }}
          >
            Copy
          </button>
          <span className="banner-copied" aria-live="polite">{copied}</span>
        </div>
      )}
      <button type="button" className="banner-dismiss" onClick={() => dismiss(banner.id)} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}

