'use client';

// The console's error boundary (what failed, its digest, a retry) serves the network pages as it is.
export { default } from '@/app/(console)/error';
