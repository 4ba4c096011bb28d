import { type KeyboardEvent, type PointerEvent, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { buildChart, type Frame, nearestIndex } from './chart-model.js';
import { formatAxisValue, formatValue, type ValueKind } from './stats-format.js';

export interface ChartPoint {
  /** the period's first day (YYYY-MM-DD) */
  date: string;
  /** the period in words, for the tooltip */
  label: string;
  /** the x-axis label */
  tick: string;
  /** a line under the value, e.g. how many of the period's days have data */
  note?: string | undefined;
  value: number | null;
}

interface Props {
  metric: string;
  /** the chart's accessible name */
  title: string;
  points: readonly ChartPoint[];
  kind: ValueKind;
  zero: boolean;
}

const frame: Frame = { width: 640, height: 220, top: 12, right: 14, bottom: 26, left: 56 };

/**
 * A line chart drawn as SVG. Unknown values are gaps (a lone known value is a dot); pointer
 * hover, or focus and the arrow keys, pick a period and show its value.
 */
export function LineChart({ metric, title, points, kind, zero }: Props) {
  const { t, locale } = useI18n();
  const values = useMemo(() => points.map((p) => p.value), [points]);
  const m = useMemo(
    () => buildChart(values, frame, { zero, integer: kind === 'count' }),
    [values, zero, kind],
  );
  const [active, setActive] = useState<number | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const bottom = frame.height - frame.bottom;

  const onPointer = (e: PointerEvent<SVGSVGElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box?.width) return;
    setActive(nearestIndex(m.xs, ((e.clientX - box.left) / box.width) * frame.width));
  };
  const onKey = (e: KeyboardEvent) => {
    const last = points.length - 1;
    const at = active ?? last;
    const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setActive(Math.max(0, Math.min(last, next)));
  };

  const shown = active === null ? undefined : points[active];
  const activeX = active === null ? 0 : (m.xs[active] ?? 0);
  const ratio = activeX / frame.width;
  const empty = m.ys.every((y) => y === null);
  const shownValue = (p: ChartPoint) =>
    p.value === null ? t('stats.unknown') : formatValue(locale, p.value, kind);
  const last = shown ?? points.at(-1);
  const valueText = last ? [`${last.label}: ${shownValue(last)}`, last.note].filter(Boolean).join('. ') : '';
  return (
    // a slider over the periods: the arrow keys move it, a screen reader reads the period and value
    <div
      className="stats-chart"
      data-testid={`chart-${metric}`}
      role="slider"
      aria-label={title}
      aria-valuemin={0}
      aria-valuemax={Math.max(0, points.length - 1)}
      aria-valuenow={active ?? Math.max(0, points.length - 1)}
      aria-valuetext={valueText}
      tabIndex={0}
      onKeyDown={onKey}
      onFocus={() => setActive((a) => a ?? points.length - 1)}
      onBlur={() => setActive(null)}
    >
      <svg
        ref={svg}
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        aria-hidden="true"
        onPointerMove={onPointer}
        onPointerLeave={() => setActive(null)}
      >
        {/* no known value: no scale to read values off, just the words */}
        {!empty &&
          m.axis.ticks.map((tick, i) => (
            <g key={tick} className="stats-grid">
              <line x1={frame.left} x2={frame.width - frame.right} y1={m.tickYs[i]} y2={m.tickYs[i]} />
              <text x={frame.left - 8} y={m.tickYs[i]} dy="0.32em" textAnchor="end">
                {formatAxisValue(locale, tick, kind)}
              </text>
            </g>
          ))}
        {m.xTicks.map((i) => (
          <text key={i} className="stats-xtick" x={m.xs[i]} y={frame.height - 6} textAnchor="middle">
            {points[i]?.tick}
          </text>
        ))}
        {active !== null && (
          <line className="stats-rule" x1={activeX} x2={activeX} y1={frame.top} y2={bottom} />
        )}
        {m.paths.map((d) => (
          <path key={d} className="stats-line" d={d} />
        ))}
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle
              key={p.date}
              className={i === active ? 'stats-point stats-point-on' : 'stats-point'}
              cx={m.xs[i]}
              cy={m.ys[i] ?? 0}
              r={i === active ? 5 : 2.5}
              data-testid="point"
              data-date={p.date}
              data-value={p.value}
            />
          ),
        )}
        {empty && (
          <text
            className="stats-empty"
            x={(frame.left + frame.width - frame.right) / 2}
            y={(frame.top + bottom) / 2}
            textAnchor="middle"
          >
            {t('stats.noData')}
          </text>
        )}
      </svg>
      <div
        className="stats-tooltip"
        hidden={!shown}
        // slides from left-aligned at the first period to right-aligned at the last, never off the card
        style={{ left: `${ratio * 100}%`, transform: `translateX(${-ratio * 100}%)` }}
        data-testid="chart-tooltip"
      >
        {shown && (
          <>
            <span className="stats-tooltip-date">{shown.label}</span>
            <strong>{shownValue(shown)}</strong>
            {shown.note && <span className="stats-tooltip-date">{shown.note}</span>}
          </>
        )}
      </div>
    </div>
  );
}
