'use client';

/** The console's error panel (the message, the digest, a retry), for this page's own boundary. */
export { default } from '../../../error';
