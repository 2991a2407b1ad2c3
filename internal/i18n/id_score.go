package i18n

// Messages of score and report, Bahasa Indonesia.
func init() {
	add("id", map[string]string{
		"flag.out":                "tulis ke berkas ini (secara atomik), bukan ke keluaran standar",
		"flag.raw-csv":            "tulis sel CSV apa adanya, tanpa tanda kutip yang mencegah spreadsheet menjalankan rumus",
		"score.short":             "Nilai lembar jawaban secara massal",
		"score.long":              "Nilai lembar jawaban terhadap satu bank: CSV atau TSV (header berisi candidate,\nkolom bank dan group:<nama> opsional, dan satu kolom per id soal; pemisah\n, ; atau tab dikenali otomatis), JSONL (satu objek per baris), atau berkas hasil\ndari 'asnskill quiz --save'. Satu hasil per peserta, sesuai urutan masukan.\nBaris yang salah dilaporkan beserta berkas dan barisnya lalu dilewati (--strict:\nberhenti). Status keluar 1 bila ada baris yang ditolak.",
		"score.need-bank":         "score memerlukan --bank ID|PATH: bank yang dipakai untuk menilai",
		"score.need-input":        "berikan berkas jawaban, atau - untuk membaca masukan standar",
		"score.flag.output":       "format keluaran: jsonl (bawaan dalam pipa), csv, json, atau table (bawaan di terminal)",
		"score.flag.strict":       "berhenti pada baris salah yang pertama",
		"score.flag.with-answers": "sertakan jawaban per soal setiap peserta",
		"score.flag.all-recs":     "tampilkan semua rekomendasi, bukan hanya 3 per keterampilan",
		"score.flag.workers":      "jumlah goroutine penilai (bawaan: satu per inti)",
		"score.summary":           "asnskill: %d baris dibaca, %d dinilai, %d ditolak",
		"score.strict-stop":       "berhenti pada baris salah yang pertama (--strict)",
		"score.hint.strict":       "perbaiki barisnya, atau jalankan tanpa --strict untuk melewati baris yang salah",
		"score.col.candidate":     "peserta",
		"score.col.percent":       "persen",
		"score.col.passed":        "lulus",
		"score.col.gaps":          "kesenjangan",
		"score.progress":          "%d baris · %.0f baris/dtk · %s",
	})
}
