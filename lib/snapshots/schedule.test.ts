import { describe, expect, it } from 'vitest';
import { parseDuration, scheduleFromEnv } from './schedule';

describe('parseDuration', () => {
  it('reads units and combinations', () => {
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration(' 7D ')).toBe(7 * 86_400_000);
  });
  it('rejects what is not a duration', () => {
    for (const bad of ['', '24', 'h', '1y', '-1h', '0m', '1h 30m', '1e3s']) expect(parseDuration(bad), bad).toBeNull();
  });
});

describe('scheduleFromEnv', () => {
  it('is off without SNAPSHOT_EVERY', () => {
    expect(scheduleFromEnv({ SNAPSHOT_KEEP: '5' })).toBeNull();
  });
  it('reads interval and retention', () => {
    expect(scheduleFromEnv({ SNAPSHOT_EVERY: '24h', SNAPSHOT_KEEP: '30', SNAPSHOT_MAX_AGE: '90d' })).toEqual({ everyMs: 86_400_000, keep: 30, maxAgeDays: 90 });
    expect(scheduleFromEnv({ SNAPSHOT_EVERY: '30m' })).toEqual({ everyMs: 1_800_000 });
  });
  it('refuses values that cannot be meant', () => {
    expect(() => scheduleFromEnv({ SNAPSHOT_EVERY: 'daily' })).toThrow(/not a duration/);
    expect(() => scheduleFromEnv({ SNAPSHOT_EVERY: '10s' })).toThrow(/shorter than one minute/);
    expect(() => scheduleFromEnv({ SNAPSHOT_EVERY: '1h', SNAPSHOT_KEEP: '0' })).toThrow(/SNAPSHOT_KEEP/);
    expect(() => scheduleFromEnv({ SNAPSHOT_EVERY: '1h', SNAPSHOT_MAX_AGE: 'forever' })).toThrow(/SNAPSHOT_MAX_AGE/);
  });
});
