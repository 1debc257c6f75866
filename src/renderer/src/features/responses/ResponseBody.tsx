/** Splits a response into paragraphs (blank-line separated); single line breaks stay in place. */
export function ResponseBody({ body }: { body: string }) {
  return (
    <div className="response-body">
      {body.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>{paragraph}</p>
      ))}
    </div>
  )
}
