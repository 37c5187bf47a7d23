// Package syntax is a pure-Go part-of-speech tagger, lemmatiser and labelled
// dependency parser for English, producing Universal Dependencies (UPOS,
// lemmas, basic dependency trees with relation subtypes). The model is
// trained from the UD English treebanks (CC BY-SA 4.0) and embedded.
//
//	p := syntax.Default().NewParser() // one Parser per goroutine
//	s := p.Parse([]string{"The", "embassy", "was", "attacked", "."})
//	// s.POS[1] == syntax.NOUN, s.Head[1] == 3, s.Rel[1].String() == "nsubj:pass"
//
// See README.md for the algorithm, the model format and how to retrain.
package syntax
