import type { Severity } from '@/lib/posture/types';

/** Hex values of the theme's severity colours, for charts that cannot use classes. */
export const SEVERITY_HEX: Record<Severity, string> = {
  critical: '#7f1d1d',
  high: '#c2410c',
  medium: '#f59e0b',
  low: '#2563eb',
  info: '#6b7280',
};

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };

export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: 'bg-sev-critical text-on-color',
  high: 'bg-sev-high text-on-color',
  medium: 'bg-sev-medium text-ink',
  low: 'bg-sev-low text-on-color',
  info: 'bg-sev-info text-on-color',
};

/** Hex values of the score bands (globals.css --color-band-*), for charts. */
export const BAND_HEX: Record<'poor' | 'fair' | 'good', string> = { poor: '#b91c1c', fair: '#b45309', good: '#15803d' };
