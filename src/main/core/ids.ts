import { uuidv7 } from 'uuidv7'

/** A new stable, time-ordered id for a row this journal creates. */
export function newId(): string {
  return uuidv7()
}

export function now(): string {
  return new Date().toISOString()
}
