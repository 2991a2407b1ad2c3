package i18n

// The command line's own messages, Bahasa Indonesia.
func init() {
	add("id", map[string]string{
		"root.short": "Penilaian mandiri keterampilan ASN untuk jabatan di era AI",
		"root.long": `asnskill mengukur keterampilan yang dibutuhkan jabatan pemerintahan baru di era
AI (pembelajaran mesin, analisis data, transformasi digital, keamanan siber,
audit teknologi, layanan publik digital, kebijakan dan etika AI), menampilkan
level setiap keterampilan terhadap target jabatan, dan menyarankan apa yang
perlu dipelajari berikutnya.

Peserta mengerjakan kuis; pelatih menyusun dan memeriksa bank soal; skrip
menilai lembar jawaban secara massal dan menganalisis butir soal.`,
		"root.example":                  "  $ asnskill quiz\n  $ asnskill quiz cyber-security --mode exam\n  $ asnskill roles\n  $ asnskill lint bank-saya.yaml\n  $ asnskill score --bank data-analyst jawaban.csv -o csv",
		"group.candidate":               "Untuk peserta:",
		"group.trainer":                 "Untuk pelatih:",
		"group.scripts":                 "Untuk skrip:",
		"flag.lang":                     "bahasa pesan: id atau en (bawaan dari ASNSKILL_LANG, lalu LANG)",
		"flag.bank":                     "muat bank dari berkas atau folder (boleh berulang; juga ASNSKILL_BANKS)",
		"flag.no-color":                 "jangan pernah memakai warna (juga NO_COLOR)",
		"flag.db":                       "basis data riwayat (bawaan $XDG_DATA_HOME/asnskill/history.db; juga ASNSKILL_DB)",
		"flag.output":                   "format keluaran",
		"usage.unknown-flag":            "opsi %s tidak dikenal",
		"usage.unknown-shorthand":       "opsi -%s tidak dikenal (dalam %s)",
		"usage.needs-argument":          "opsi %s memerlukan nilai",
		"usage.invalid-argument":        "%q bukan nilai yang sah untuk %s (%s)",
		"usage.unknown-command":         "perintah %q tidak dikenal",
		"usage.unknown-command-suggest": "perintah %q tidak dikenal; maksud Anda %[3]s?",
		"usage.bad-flag-syntax":         "penulisan opsi salah: %s",
		"usage.exclusive":               "hanya satu dari opsi ini yang boleh diberikan: %s",
		"usage.not-a-number":            "bukan bilangan",
		"usage.bad-lang":                "bahasa %q tidak dikenal: gunakan id atau en",
		"usage.exact-args":              "%s menerima %d argumen, diberikan %d",
		"usage.max-args":                "%s menerima paling banyak %d argumen, diberikan %d",
		"hint.help":                     "Jalankan 'asnskill --help' atau 'asnskill <perintah> --help' untuk petunjuk pemakaian.",
		"hint.prefix":                   "petunjuk:",
		"hint.bank-invalid":             "petunjuk: %s memiliki %d galat; jalankan 'asnskill lint' padanya untuk melihat setiap masalah beserta petunjuknya",
		"hint.known-banks":              "petunjuk: bank yang dimuat: %s (lihat 'asnskill roles')",
		"error.no-bank":                 "tidak ada bank %q yang dimuat dan tidak ada berkas dengan nama itu",
		"notice.bank-replaced":          "asnskill: pemberitahuan: bank %s dari %s menggantikan bank dari %s",
		"schema.short":                  "Cetak JSON Schema format bank",
		"schema.long":                   "Cetak JSON Schema (draft-07) format bank. Editor yang memakai YAML language\nserver memeriksa bank terhadapnya bila baris pertama bank berbunyi\n# yaml-language-server: $schema=bank.schema.json",
		"version.short":                 "Tampilkan versi dan build asnskill",
		"exitcodes.short":               "Status keluar dan artinya",
		"exitcodes.long": `asnskill berakhir dengan salah satu status keluar berikut:

  0    berhasil
  1    masukan salah (bank, lembar jawaban, berkas hasil) atau pemeriksaan gagal (lint)
  2    pemakaian salah: perintah atau flag tidak dikenal, argumen kurang
  130  dihentikan oleh pengguna (Ctrl+C)`,
		"error.out":           "berkas %s tidak dapat ditulis: %s",
		"hint.out":            "periksa foldernya, atau pilih tempat lain dengan --out",
		"reason.no-folder":    "foldernya tidak ada",
		"reason.denied":       "izin ditolak",
		"reason.read-only":    "sistem berkasnya hanya-baca",
		"reason.disk-full":    "disk penuh",
		"reason.is-folder":    "itu sebuah folder",
		"reason.not-folder":   "salah satu bagian jalurnya bukan folder",
		"notice.no-banks-in":  "asnskill: tidak ada bank (*.yaml) di %s",
		"roles.short":         "Daftar bank jabatan yang dimuat",
		"roles.none":          "asnskill: tidak ada bank yang dimuat",
		"roles.col.id":        "id",
		"roles.col.title":     "jabatan",
		"roles.col.questions": "soal",
		"roles.col.time":      "waktu",
		"roles.minutes":       "%s mnt",
		"roles.embedded":      "bawaan",
		"roles.note":          "Id dipakai di perintah lain: asnskill quiz --bank <id>. Soal: banyak soal di bank; waktu: batas waktu satu kuis standar. Sumber \"bawaan\": bank yang disertakan dalam asnskill; --bank DIR memuat bank Anda sendiri.",
		"roles.title":         "%s (%d keterampilan)",
		"roles.col.source":    "sumber",
		"help.short":          "Bantuan tentang perintah apa pun",
		"completion.short":    "Buat skrip pelengkapan otomatis untuk shell",
		"flag.default":        "bawaan: %s",
		"flag.help":           "bantuan untuk %s",
		"tmpl.usage":          "Pemakaian",
		"tmpl.aliases":        "Alias",
		"tmpl.examples":       "Contoh",
		"tmpl.commands":       "Perintah",
		"tmpl.more-commands":  "Perintah lain",
		"tmpl.flags":          "Flag",
		"tmpl.global-flags":   "Flag global",
		"tmpl.topics":         "Topik bantuan lain",
		"tmpl.more-help":      `Gunakan "{{.CommandPath}} [perintah] --help" untuk keterangan tentang suatu perintah.`,
	})
}
