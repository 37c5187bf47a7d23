// Package text turns an article body into the units the coder reads:
// cleaned paragraphs, sentences and tokens.
//
// Cleaning never rewrites the body: it only decides which byte ranges are
// prose. Advertising residue lines ("Advertisement", "Read more: ...") are
// dropped, short capitalised one-line paragraphs are taken as section
// headings (never sentences, but remembered in Sentence.Heading), and the
// remaining paragraphs are split into sentences with rules that survive
// abbreviations, initials, decimals, ellipses and quotations. Every offset
// is a byte offset into the string passed in, so callers can always slice
// the original text back out.
//
// Tokens is a byte scanner with an ASCII fast path; it allocates only the
// result slice and keeps Token.Text a slice of its input.
package text
