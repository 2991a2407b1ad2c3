package i18n

// Messages of history, Bahasa Indonesia.
func init() {
	add("id", map[string]string{
		"history.short": "Tampilkan percobaan sebelumnya dan perkembangan setiap keterampilan",
		"history.long": `Tampilkan percobaan yang tersimpan di basis data riwayat (yang terlama lebih
dulu) dan, per bank, tren setiap keterampilan: grafik kecil persentasenya dari
percobaan ke percobaan, dari ▁ (0%%) sampai █ (100%%), dengan persentase pertama
dan terakhir.

  asnskill history ID        satu percobaan, seperti 'asnskill report'
                             menampilkan hasil; percobaan yang belum selesai
                             menunjukkan sejauh mana dan cara melanjutkannya
  asnskill history --weak    keterampilan terlemah dan soal yang paling sering
                             salah, untuk dilatih dengan 'asnskill quiz --review'
  --forget ID, --forget-all  hapus untuk selamanya (bertanya dulu; --yes bila
                             tanpa terminal)

-o json berisi semua yang disimpan asnskill tentang Anda: setiap percobaan
beserta soal, jawaban, skor keterampilan dan hasilnya, deret setiap
keterampilan, dan jadwal pengulangan. Di dalam pipe, tabel ditulis sebagai
baris yang dipisah tab tanpa judul kolom.

--bank ID hanya menampilkan percobaan pada satu bank (dan, seperti di perintah
lain, --bank BERKAS|FOLDER memuat bank). --since menerima tanggal (2026-11-01)
atau rentang mundur dari sekarang (720h, 30d). Tidak ada berkas yang dibuat
bila riwayat belum ada.`,
		"history.example": "  $ asnskill history\n" +
			"  $ asnskill history --bank data-analyst --since 30d\n" +
			"  $ asnskill history 12\n" +
			"  $ asnskill history 12 -o markdown > percobaan-12.md\n" +
			"  $ asnskill history --weak\n" +
			"  $ asnskill history -o json > data-saya.json\n" +
			"  $ asnskill history --forget 12\n" +
			"  $ asnskill history --forget-all --yes",
		"history.flag.output":     "format keluaran: table, json atau csv untuk daftar; text, markdown atau json untuk satu percobaan",
		"history.flag.since":      "hanya percobaan yang dimulai sejak `tanggal` (YYYY-MM-DD) atau dalam rentang (720h, 30d)",
		"history.flag.weak":       "tampilkan keterampilan terlemah dan soal yang paling sering salah",
		"history.flag.forget":     "hapus percobaan dengan `id` ini untuk selamanya",
		"history.flag.forget-all": "hapus seluruh riwayat untuk selamanya",
		"history.flag.yes":        "jangan bertanya sebelum menghapus (wajib bila tanpa terminal)",

		"history.bad-id":         "%s bukan id percobaan: berikan nomor yang ditampilkan 'asnskill history'",
		"history.one-view":       "berikan hanya salah satu dari: id percobaan, --weak, --forget, --forget-all",
		"history.no-filter-here": "%s menyaring daftar percobaan; tidak dapat dipakai bersama id percobaan, --weak atau --forget",
		"history.bad-since":      "--since %q: berikan tanggal (2026-11-01) atau rentang mundur dari sekarang (720h, 30d)",
		"history.no-output-here": "--output tidak dapat dipakai bersama --forget atau --forget-all",
		"history.bad-output":     "--output %s tidak cocok di sini: gunakan salah satu dari %s",
		"history.raw-csv-only":   "--raw-csv hanya untuk -o csv",
		"history.need-yes":       "%s menghapus untuk selamanya dan tidak ada terminal untuk bertanya: tambahkan --yes untuk mengonfirmasi",
		"history.bad-bank":       "--bank %q bukan id bank dan bukan berkas bank",

		"history.where":           "tidak dapat menentukan letak riwayat: %s",
		"history.where.hint":      "atur --db, ASNSKILL_DB atau XDG_DATA_HOME ke basis data riwayat",
		"history.cannot-read":     "tidak dapat membaca basis data riwayat %s: %s",
		"history.too-new":         "basis data riwayat %s ditulis oleh asnskill yang lebih baru (versi skema %d; versi ini hanya mengenal sampai %d); berkas itu dibiarkan apa adanya",
		"history.too-new.hint":    "perbarui asnskill, atau gunakan basis data lain dengan --db",
		"history.not-db":          "%s bukan basis data riwayat asnskill, atau rusak; berkas itu dibiarkan apa adanya",
		"history.not-db.hint":     "arahkan --db atau ASNSKILL_DB ke berkas lain; asnskill tidak pernah menimpa berkas ini",
		"history.busy":            "basis data riwayat %s sedang sibuk: asnskill lain memakainya terlalu lama",
		"history.busy.hint":       "tunggu asnskill yang lain selesai, lalu coba lagi",
		"history.none":            "asnskill: belum ada percobaan; jalankan 'asnskill quiz' untuk mulai",
		"history.none.hint":       "riwayat belum ada; jalankan 'asnskill quiz' untuk mengerjakan kuis",
		"history.none-match":      "asnskill: tidak ada percobaan yang cocok; 'asnskill history' tanpa saringan menampilkan semuanya",
		"history.no-attempt":      "tidak ada percobaan %d di riwayat",
		"history.no-attempt.hint": "'asnskill history' menampilkan percobaan beserta id-nya",
		"history.bad-result":      "percobaan %d di %s memiliki hasil yang tidak dapat dibaca: %s",
		"history.bad-result.hint": "'asnskill history -o json' menunjukkan apa yang tersimpan; '--forget' menghapus percobaan itu",

		"history.col.id":         "id",
		"history.col.date":       "tanggal",
		"history.col.bank":       "jabatan",
		"history.col.mode":       "mode",
		"history.col.percent":    "persen",
		"history.col.passed":     "lulus",
		"history.col.skill":      "keterampilan",
		"history.col.trend":      "tren",
		"history.col.first-last": "pertama → terakhir",
		"history.col.recent":     "terkini",
		"history.col.latest":     "terakhir",
		"history.col.level":      "level",
		"history.col.attempts":   "percobaan",
		"history.col.question":   "soal",
		"history.col.wrong":      "salah",
		"history.col.right":      "benar",
		"history.col.box":        "kotak",
		"history.yes":            "ya",
		"history.no":             "tidak",
		"history.unfinished":     "belum selesai %d/%d",
		"history.trend-title":    "Tren per keterampilan",

		"history.attempt-head":  "Percobaan %d, dimulai %s",
		"history.attempt-title": "Percobaan %d: %s %s",
		"history.started":       "Dimulai: %s",
		"history.progress":      "Belum selesai: %d dari %d soal dijawab",
		"history.flagged":       "%d ditandai",
		"history.time-left":     "sisa waktu %s",
		"history.resume":        "Lanjutkan dengan: asnskill quiz --resume %d",
		"history.percent":       "Skor: %s",
		"history.level":         "level %d",

		"history.weak-none":         "asnskill: belum ada percobaan yang selesai dan belum ada soal untuk diulang",
		"history.weak-skills":       "Keterampilan terlemah (rata-rata %d percobaan terakhir)",
		"history.weak-questions":    "Soal yang paling sering salah",
		"history.weak-no-questions": "Tidak ada soal untuk diulang: setiap soal yang pernah salah sudah dijawab benar.",
		"history.weak-hint":         "Latih soal-soal itu: asnskill quiz --review %s",

		"history.confirm-one":     "Hapus percobaan %d (%s, %s) untuk selamanya?",
		"history.confirm-all":     "Hapus semua %d percobaan dan jadwal pengulangan di %s untuk selamanya?",
		"history.confirm-choices": "[y/N]",
		"history.kept":            "asnskill: tidak ada yang dihapus",
		"history.forgot":          "asnskill: percobaan %d dihapus untuk selamanya",
		"history.forgot-all":      "asnskill: seluruh riwayat dihapus untuk selamanya",
	})
}
