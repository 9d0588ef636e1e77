import { describe, expect, it } from 'vitest';
import { DOCKER_ENGINE_EOL, dockerEngineEol } from './docker-engine';

describe('dockerEngineEol', () => {
  it.each([
    ['20.10.21', '20.10', '2023-12-10'],
    ['24.0.9', '24.0', '2024-06-08'],
    ['26.1.4', '26.1', '2025-02-17'],
    ['26.0.2', '26.0', '2024-06-08'],
    ['27.5.1', '27', '2025-05-03'],
    ['18.09.2', '18.09', '2019-08-22'],
    ['18.06.3', '18.06', '2018-12-08'],
  ])('%s is in the %s line, end of life %s', (version, cycle, eol) => {
    expect(dockerEngineEol(version)).toEqual({ cycle, eol });
  });

  it('has no end of life for lines none is announced for', () => {
    expect(dockerEngineEol('28.5.2')).toEqual({ cycle: '28', eol: null });
    expect(dockerEngineEol('25.0.14')).toEqual({ cycle: '25.0', eol: null });
  });

  it('treats lines older than the table as past end of life, and unknown newer ones as unknown', () => {
    expect(dockerEngineEol('17.03.2')?.eol).toBe('2018-12-08');
    expect(dockerEngineEol('1.13.1')?.eol).toBe('2018-12-08');
    expect(dockerEngineEol('31.0.0')).toBeNull();
    expect(dockerEngineEol('not-a-version')).toBeNull();
  });

  it('names a source and the day it was checked on every row', () => {
    for (const r of DOCKER_ENGINE_EOL) {
      expect(r.source, r.cycle).toMatch(/endoflife\.date/);
      expect(r.checked, r.cycle).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
