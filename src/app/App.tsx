/** The shell (routing itself is ./startRouting): theme, banners, and the home or lab page (or the lab alone in an embed). */
import { useEffect } from 'react';
import { Banners } from './Banners';
import { ErrorBoundary } from './ErrorBoundary';
import { Home } from './Home';
import { LabPage } from './LabPage';
import { StatusLine } from './StatusLine';
import { ThemeSwitch, useApplyTheme } from './ThemeSwitch';
import { Tour } from './Tour';
import { CheckPage } from './CheckPage';
import { useAppStore } from './useAppStore';

export function App() {
  useApplyTheme();
  const labId = useAppStore((s) => s.labId);
  const embed = useAppStore((s) => s.presentation.embed);
  const spec = useAppStore((s) => (labId === undefined ? undefined : s.findLab(labId)));
  const page = useAppStore((s) => s.page);

  useEffect(() => {
    document.documentElement.classList.toggle('is-embed', embed);
  }, [embed]);

  if (embed && spec) {
    return (
      <>
        <Banners />
        <LabPage spec={spec} />
      </>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header className="shell-header">
        <a className="brand" href="#/">
          Distributed Systems Playground
        </a>
        <nav aria-label="Site">
          {(spec || page) && <a href="#/">All labs</a>}
          {page !== 'tour' && <a href="#/tour">Course tour</a>}
          {page !== 'check' && <a href="#/check">Check a history</a>}
        </nav>
        <ThemeSwitch />
      </header>
      <Banners />
      <ErrorBoundary what="the page">{spec ? <LabPage key={spec.id} spec={spec} /> : page === 'tour' ? <Tour /> : page === 'check' ? <CheckPage /> : <HomeWithStatus />}</ErrorBoundary>
    </div>
  );
}

function HomeWithStatus() {
  return (
    <>
      <Home />
      <StatusLine />
    </>
  );
}

/** The skip link moves focus without changing the hash (the hash is the router's). */
function skipToMain(event: React.MouseEvent): void {
  event.preventDefault();
  const main = document.getElementById('main');
  if (main) {
    main.tabIndex = -1;
    main.focus();
  }
}
