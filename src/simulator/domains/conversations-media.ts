import type { RecordingRecord, TranscriptSentence } from './conversations-state.js';

/**
 * The two non-JSON answers of the domain: a call recording (`audio/x-wav`) and a transcription
 * download (`text/plain`), both as the spec's 200 headers describe them.
 */

const SAMPLE_RATE = 8000;
/** Audio is capped so a long call does not cost megabytes per request; the header says how long it is. */
const MAX_AUDIO_MS = 2000;

/** A mono 8-bit PCM WAV with a sine tone: valid audio, deterministic bytes, small. */
export function recordingWav(r: RecordingRecord): Buffer {
  const samples = Math.round((Math.min(r.durationMs, MAX_AUDIO_MS) * SAMPLE_RATE) / 1000);
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16); // PCM chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE, 28); // byte rate: 1 byte per sample
  wav.writeUInt16LE(1, 32); // block align
  wav.writeUInt16LE(8, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) wav.writeUInt8(128 + Math.round(60 * Math.sin((2 * Math.PI * r.toneHz * i) / SAMPLE_RATE)), 44 + i);
  return wav;
}

const clock = (ms: number): string => {
  const s = Math.floor(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** The download: one line per sentence, `[mm:ss] Channel n: text` (ASSUMPTIONS.md CV8). */
export function transcriptionText(sentences: readonly TranscriptSentence[]): string {
  return [...sentences]
    .sort((a, b) => a.sentenceIndex - b.sentenceIndex)
    .map((s) => `[${clock(s.startTime)}] Channel ${s.mediaChannel}: ${s.transcript}`)
    .join('\n')
    .concat('\n');
}
