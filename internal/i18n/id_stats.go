package i18n

// Messages of stats, Bahasa Indonesia.
func init() {
	add("id", map[string]string{
		"stats.short":                          "Analisis butir soal: tingkat kesukaran, daya beda, reliabilitas, keadilan",
		"stats.long":                           "Analisis butir dari lembar jawaban (berkas yang sama dengan 'asnskill score'):\nper soal tingkat kesukaran, daya beda (korelasi butir-total terkoreksi),\nefisiensi diskriminasi, indeks kelompok atas-bawah 27%%, pilihan setiap opsi oleh\nkelompok atas dan bawah, serta penanda soal yang perlu ditinjau; per bank rerata,\nsimpangan baku, kemencengan, keruncingan, alfa Cronbach (KR-20 untuk butir 0/1)\ndan galat baku pengukuran; dengan --group, DIF Mantel-Haenszel per soal beserta\nkategori ETS-nya. Setiap baris harus mendapat soal yang sama.",
		"stats.need-bank":                      "stats memerlukan --bank ID|PATH: bank yang dipakai untuk lembar jawaban",
		"stats.focal-needs-group":              "--focal memerlukan --group: kolom kelompok yang dibandingkan",
		"stats.flag.output":                    "format keluaran: table (bawaan di terminal), json (asnskill/stats/v1), atau csv",
		"stats.flag.group":                     "kolom kelompok untuk analisis keberfungsian butir diferensial (nama setelah group:)",
		"stats.flag.focal":                     "nilai kelompok fokal (bawaan: yang lebih kecil dari tepat dua kelompok)",
		"stats.no-rows":                        "tidak ada baris untuk dianalisis",
		"stats.no-rows.hint":                   "berikan lembar jawaban dengan header dan paling sedikit satu peserta",
		"stats.title":                          "Analisis butir: %s (%s), %d peserta",
		"stats.test-line":                      "rerata %s dari %g poin · sb %s · alfa %s · GBP %s · kemencengan %s · keruncingan %s",
		"stats.dif-line":                       "DIF menurut %s: fokal %q (%d) terhadap lainnya (%d); %d tanpa nilai kelompok tidak disertakan",
		"stats.col.question":                   "soal",
		"stats.col.facility":                   "kemudahan",
		"stats.col.discrimination":             "daya beda",
		"stats.col.dif":                        "DIF",
		"stats.col.flags":                      "perlu ditinjau",
		"stats.skills":                         "Per keterampilan",
		"stats.skill-line":                     "%s: %d soal · rerata %s · sb %s · alfa %s · GBP %s",
		"stats.flagged":                        "%d dari %d soal bertanda: perbaiki atau ganti sebelum dipakai lagi.",
		"stats.flag.too_easy":                  "terlalu mudah",
		"stats.flag.too_hard":                  "terlalu sulit",
		"stats.flag.low_discrimination":        "daya beda rendah",
		"stats.flag.negative_discrimination":   "daya beda negatif (periksa kunci)",
		"stats.flag.low_efficiency":            "efisiensi rendah",
		"stats.flag.upper_avoids_key":          "peserta kuat menghindari kunci",
		"stats.flag.distractor_attracts_upper": "pengecoh menarik peserta kuat",
		"stats.flag.dif_c":                     "DIF kategori C",
		"stats.flag.zero_variance":             "semua peserta mendapat nilai sama",
		"stats.flag.none_answered":             "tidak ada yang menjawab",
	})
}
