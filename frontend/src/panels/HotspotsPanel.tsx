import type { ReactNode } from 'react';
import type { HotspotsAnswer } from '../api/risk';
import { findDistrict } from '../api/districts';
import { formatCount, formatRate } from '../format/numbers';
import { formatPValue } from '../format/stats';
import type { PanelState } from '../live/metricsPanelsFeed';
import { PanelBody } from './PanelBody';

export interface HotspotsPanelProps {
  hotspots: PanelState<HotspotsAnswer>;
}

const districtName = (code: string) => findDistrict(code)?.name ?? code;

function None({ testId, text }: { testId: string; text: string }) {
  return (
    <p className="panel-note hotspot-none" data-testid={testId}>
      {text}
    </p>
  );
}

interface PoissonRow {
  key: string;
  /** A district row's code, on the row as data-district. */
  dataDistrict?: string;
  label: ReactNode;
  observed: number;
  expected: number;
  pValue: number;
}

/** Areas flagged by the Poisson test: observed against expected cases, with the p-value. */
function PoissonTable({ testId, areaHeading, rows }: { testId: string; areaHeading: string; rows: PoissonRow[] }) {
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{areaHeading}</th>
          <th scope="col" className="num">實際 Observed</th>
          <th scope="col" className="num">預期 Expected</th>
          <th scope="col" className="num">p 值 p-value</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-district={r.dataDistrict}>
            <td>{r.label}</td>
            <td className="num">{formatCount(r.observed)}</td>
            <td className="num">{formatRate(r.expected)}</td>
            <td className="num">{formatPValue(r.pValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function HotspotLists({ answer }: { answer: HotspotsAnswer }) {
  const districts = answer.districts.filter((d) => d.hotspot);
  const villages = answer.villages.filter((v) => v.hotspot);
  const venues = answer.venues.filter((v) => v.cases >= 2);
  return (
    <>
      <p className="panel-note">
        近7日（至 {answer.to}）與前28日基準比較，卜瓦松檢定 α = {answer.alpha} · The 7 days to {answer.to} against the 28 days before (Poisson test, α = {answer.alpha}).
      </p>
      <h3 className="panel-subheading">行政區 Districts</h3>
      {districts.length ? (
        <PoissonTable
          testId="hotspot-districts"
          areaHeading="行政區 District"
          rows={districts.map((d) => ({ ...d, key: d.area.code, dataDistrict: d.area.code, label: <>{d.area.name} <span className="en">{d.area.nameEn}</span></> }))}
        />
      ) : (
        <None testId="hotspot-districts-none" text={`無行政區達標示門檻 No district flagged (of ${answer.districts.length} tested)`} />
      )}
      <h3 className="panel-subheading">里 Villages</h3>
      {villages.length ? (
        <PoissonTable
          testId="hotspot-villages"
          areaHeading="里 Village"
          rows={villages.map((v) => ({ ...v, key: `${v.districtCode}/${v.village}`, label: `${districtName(v.districtCode)} ${v.village}` }))}
        />
      ) : (
        <None testId="hotspot-villages-none" text="無里達標示門檻 No village flagged" />
      )}
      <h3 className="panel-subheading">2例以上病例到訪場所 Venues visited by 2 or more cases</h3>
      {venues.length ? (
        <table className="data-table" data-testid="hotspot-venues">
          <thead>
            <tr>
              <th scope="col">場所 Venue</th>
              <th scope="col">行政區 District</th>
              <th scope="col" className="num">病例 Cases</th>
            </tr>
          </thead>
          <tbody>
            {venues.map((v) => (
              <tr key={v.venueCode}>
                <td>{v.venueName}</td>
                <td>{districtName(v.districtCode)}</td>
                <td className="num">{formatCount(v.cases)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <None testId="hotspot-venues-none" text="無 None" />
      )}
    </>
  );
}

export function HotspotsPanel({ hotspots }: HotspotsPanelProps) {
  return (
    <section className="panel hotspots-panel" data-testid="hotspots-panel" aria-labelledby="hotspots-heading">
      <header className="panel-header">
        <h2 id="hotspots-heading">
          熱點 <span className="en">Hotspots</span>
        </h2>
      </header>
      <PanelBody state={hotspots} testId="hotspots" isEmpty={(answer) => answer.districts.length === 0 && answer.villages.length === 0 && answer.venues.length === 0}>
        {(answer) => <HotspotLists answer={answer} />}
      </PanelBody>
    </section>
  );
}
