/**
 * Saving a chart: the SVG recharts drew is serialized as it stands (colours already resolved,
 * a background added so it reads outside the app); the PNG is that SVG painted on a canvas.
 */

function standaloneSvg(
  svg: SVGSVGElement,
  background: string
): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect()
  const copy = svg.cloneNode(true) as SVGSVGElement
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  copy.setAttribute('width', String(Math.round(width)))
  copy.setAttribute('height', String(Math.round(height)))
  copy.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`)
  copy.removeAttribute('tabindex')
  const font = getComputedStyle(svg).fontFamily
  copy.setAttribute('font-family', font)
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect')
  rect.setAttribute('width', '100%')
  rect.setAttribute('height', '100%')
  rect.setAttribute('fill', background)
  copy.insertBefore(rect, copy.firstChild)
  return { markup: new XMLSerializer().serializeToString(copy), width, height }
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name from a chart title: "Screenings per month" → "screenings-per-month". */
export function chartFileName(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'chart'
  )
}

export function saveSvg(svg: SVGSVGElement, name: string, background: string): void {
  const { markup } = standaloneSvg(svg, background)
  download(new Blob([markup], { type: 'image/svg+xml' }), `${name}.svg`)
}

/** Paints the SVG at twice its size for a sharp PNG. */
export async function savePng(svg: SVGSVGElement, name: string, background: string): Promise<void> {
  const { markup, width, height } = standaloneSvg(svg, background)
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const scale = 2
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(width * scale)
    canvas.height = Math.round(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('This window cannot draw images.')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0, width, height)
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!png) throw new Error('The chart could not be turned into a PNG.')
    download(png, `${name}.png`)
  } finally {
    URL.revokeObjectURL(url)
  }
}
