package itemstats

import (
	"math/big"
	"math/bits"
)

// wide is an unsigned 192-bit integer: sums of squared subtotals stay exact
// (and so independent of the order of rows and of merging) at any N.
type wide struct{ w0, w1, w2 uint64 }

// add adds the 128-bit value hi·2⁶⁴ + lo.
func (w *wide) add(hi, lo uint64) {
	var c uint64
	w.w0, c = bits.Add64(w.w0, lo, 0)
	w.w1, c = bits.Add64(w.w1, hi, c)
	w.w2 += c
}

func (w *wide) addWide(o wide) {
	var c uint64
	w.w0, c = bits.Add64(w.w0, o.w0, 0)
	w.w1, c = bits.Add64(w.w1, o.w1, c)
	w.w2 += o.w2 + c
}

func (w wide) big() *big.Int {
	z := new(big.Int).SetUint64(w.w2)
	z.Lsh(z, 64)
	z.Or(z, new(big.Int).SetUint64(w.w1))
	z.Lsh(z, 64)
	return z.Or(z, new(big.Int).SetUint64(w.w0))
}
