'use client';
// Keeps a server-rendered page current: polls the posture's timestamp and re-renders the page
// on the server when a newer scan exists. The server scans once however many pages poll.
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

async function fetchStamp(): Promise<{ generatedAt: string | null }> {
  const res = await fetch('/api/posture/stamp', { cache: 'no-store' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

export function LiveRefresh({ generatedAt }: { generatedAt: string }) {
  const router = useRouter();
  const { data } = useQuery({ queryKey: ['posture-stamp'], queryFn: fetchStamp, refetchInterval: 30_000, staleTime: 5_000 });
  useEffect(() => {
    if (data?.generatedAt && data.generatedAt !== generatedAt) router.refresh();
  }, [data?.generatedAt, generatedAt, router]);
  return null;
}
