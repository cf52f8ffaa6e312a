import { describe, expect, it } from 'vitest';
import { isRefusal, nextRetryDelay, replicaName } from '../../../src-renderer/sync/team-server';
import { checkTeamServer } from '../../../src-shared/team/server-url';

describe('checkTeamServer', () => {
  it('should take an empty address as solo use', () => {
    expect(checkTeamServer('  ')).toEqual({ ok: true, url: null });
  });

  it.each([
    ['https://couch.example.org/sckjb/', 'https://couch.example.org/sckjb'],
    [' http://localhost:5984/sckjb ', 'http://localhost:5984/sckjb'],
    ['http://127.0.0.1:5984/team/', 'http://127.0.0.1:5984/team'],
  ])('should take %j as %j', (input, url) => {
    expect(checkTeamServer(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['couch.example.org/sckjb', 'not-a-url'],
    ['ftp://couch.example.org/sckjb', 'not-http'],
    ['http://couch.example.org/sckjb', 'insecure'],
    ['http://192.168.1.20:5984/sckjb', 'insecure'],
    ['https://couch.example.org/', 'no-database'],
    ['https://couch.example.org/sckjb?x=1', 'no-database'],
    ['https://editor:secret@couch.example.org/sckjb', 'credentials'],
  ])('should refuse %j as %s', (input, reason) => {
    expect(checkTeamServer(input)).toEqual({ ok: false, reason });
  });
});

describe('talking to the team server', () => {
  it('should name its replica so that PouchDB keeps it local, one per team database', () => {
    const name = replicaName('http://127.0.0.1:5984/sckjb');
    expect(name).not.toContain('://');
    expect(name).not.toBe(replicaName('http://127.0.0.1:5984/other'));
  });

  it('should wait one second before retrying a server gone away, doubling up to ten', () => {
    const waits = [0];
    for (let i = 0; i < 6; i++) waits.push(nextRetryDelay(waits.at(-1)!));
    expect(waits.slice(1)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it("should tell a server's refusal from its silence", () => {
    expect(isRefusal({ status: 401 })).toBe(true);
    expect(isRefusal({ status: 404 })).toBe(true);
    expect(isRefusal({ status: 500 })).toBe(false);
    expect(isRefusal(new TypeError('Failed to fetch'))).toBe(false);
  });
});
