import type { VenueExposureAnswer } from '../api/risk';
import { findDistrict } from '../api/districts';
import { formatCount } from '../format/numbers';
import type { PanelState } from '../live/metricsPanelsFeed';
import { PanelBody } from './PanelBody';

export interface ExposurePanelProps {
  exposure: PanelState<VenueExposureAnswer>;
}

export function ExposurePanel({ exposure }: ExposurePanelProps) {
  return (
    <section className="panel exposure-panel" data-testid="exposure-panel" aria-labelledby="exposure-heading">
      <header className="panel-header">
        <h2 id="exposure-heading">
          場所暴露 <span className="en">Venue exposure</span>
        </h2>
        <span className="panel-note">
          簽到期間起確診的病例 Cases confirmed since the check-in window opened{exposure.data ? `（${exposure.data.from} – ${exposure.data.to}）` : ''}
        </span>
      </header>
      <PanelBody state={exposure} testId="exposure" isEmpty={(answer) => answer.venues.length === 0} emptyText="尚無資料：期間內無病例到訪紀錄 No data yet: no case check-ins in this range">
        {(answer) => (
          <>
            <p className="panel-note">
              與病例到訪前後 {answer.minutes} 分鐘內同場所簽到者 · Checked in within {answer.minutes} minutes of a case’s visit.
            </p>
            <div className="table-scroll">
              <table className="data-table exposure-table" data-testid="exposure-table">
                <thead>
                  <tr>
                    <th scope="col">場所 Venue</th>
                    <th scope="col">行政區 District</th>
                    <th scope="col" className="num">到訪病例 Cases visiting</th>
                    <th scope="col" className="num" title="含同行者與家人 with companions and family">
                      暴露人數 People exposed
                    </th>
                    <th scope="col" className="num" title="不重複的簽到者 distinct check-in ids">
                      暴露者 Persons exposed
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {answer.venues.map((venue) => (
                    <tr key={venue.venueCode} data-venue={venue.venueCode}>
                      <td>
                        {venue.venueName}
                        {venue.category && <span className="en"> · {venue.category}</span>}
                      </td>
                      <td>{findDistrict(venue.districtCode)?.name ?? venue.districtCode}</td>
                      <td className="num">{formatCount(venue.casesVisiting)}</td>
                      <td className="num">{formatCount(venue.exposedPeople)}</td>
                      <td className="num">{formatCount(venue.exposedPersons)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </PanelBody>
    </section>
  );
}
