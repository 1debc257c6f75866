/**
 * WordPress writes every date twice: `post_date` in the site's own time zone and
 * `post_date_gmt` in UTC ("0000-00-00 00:00:00" for a draft never scheduled). WXR has no field
 * for the site's zone, but every item with both dates shows its offset at that moment; when all
 * the items read so far agree on one, a date given only in site time is read at that offset.
 * Otherwise it is read as UTC and the report says so.
 */
export class SiteClock {
  private offsetMinutes: number | null = null
  private agreed = true

  /** The offset the file has shown so far, in minutes east of UTC, or null while unknown or not one. */
  get offset(): number | null {
    return this.agreed ? this.offsetMinutes : null
  }

  /** Reads a pair of dates: a UTC time when there is one (learning the site's offset from the pair), else site time. */
  read(gmt: string | undefined, local: string | undefined): SiteDate | null {
    const utc = wallClock(gmt)
    if (utc !== null) {
      // Once two posts disagree there is no one offset left to learn.
      const site = this.agreed ? wallClock(local) : null
      if (site !== null) this.learn(Math.round((site - utc) / 60_000))
      return { iso: new Date(utc).toISOString(), zone: 'utc' }
    }
    const site = wallClock(local)
    if (site === null) return null
    const offset = this.offset
    if (offset === null) return { iso: new Date(site).toISOString(), zone: 'unknown' }
    return { iso: new Date(site - offset * 60_000).toISOString(), zone: 'site' }
  }

  private learn(minutes: number): void {
    // Offsets are whole quarter hours; anything else is a hand-edited date, not a zone.
    if (minutes % 15 !== 0 || Math.abs(minutes) > 14 * 60) return
    if (this.offsetMinutes === null) this.offsetMinutes = minutes
    else if (this.offsetMinutes !== minutes) this.agreed = false
  }
}

/** A date read from the file, and how its zone was known. */
export interface SiteDate {
  iso: string
  /** 'utc': given in UTC; 'site': site time at the file's offset; 'unknown': site time read as UTC. */
  zone: 'utc' | 'site' | 'unknown'
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/

/** "2011-01-18 07:40:14" as milliseconds, read as if UTC; null for WordPress's zero date or anything else. */
function wallClock(value: string | undefined): number | null {
  if (value === undefined) return null
  const m = WALL_CLOCK.exec(value.trim())
  if (!m || m[1] === '0000') return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  // Date.UTC would roll "2011-02-31" over into March: refuse a date that does not exist.
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0)) return null
  return Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]), Number(m[6]))
}

/** "2014-01-18 20:15:00" in this computer's time zone, as WordPress writes `post_date`. */
export function localDateText(iso: string | null): string {
  const date = iso ? new Date(iso) : null
  if (!date || Number.isNaN(date.getTime())) return '0000-00-00 00:00:00'
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}
