package i18n

// Messages of the trainer tools (import, export, new, preview), Bahasa
// Indonesia.
func init() {
	add("id", map[string]string{
		"trainer.flag.out":   "tulis ke FILE, bukan ke keluaran standar (ditulis utuh, lalu diganti namanya)",
		"trainer.flag.force": "timpa FILE bila sudah ada",
		"trainer.wrote":      "asnskill: %s sudah ditulis",

		"trainer.import.short": "Impor soal dari GIFT, Aiken, atau Moodle XML menjadi bank soal",
		"trainer.import.long": `Baca soal dalam format Moodle dan tulis bank soal dalam format asnskill.

FORMAT adalah gift, aiken, atau moodlexml; FILE adalah path, atau - untuk
masukan standar. Kategori menjadi keterampilan dan nama soal menjadi id. Soal
dengan jenis yang tidak ada di bank (esai, menjodohkan, numerik, isian
singkat, cloze, deskripsi) dilewati dengan peringatan yang menyebut setiap
soal. Judul, ringkasan, dan rekomendasi diawali TODO: lengkapi, lalu jalankan
asnskill lint.

--text-lang menyebut bahasa teks sumber (bawaan: ditebak dari teksnya; bank
lalu menyatakan languages: [bahasa itu]), --id id bank
(bawaan: nama berkas), dan --skill keterampilan untuk soal di luar kategori.`,
		"trainer.import.flag.id":             "id bank baru (bawaan: dari nama berkas)",
		"trainer.import.flag.text-lang":      "bahasa teks yang diimpor: id atau en (bawaan: ditebak dari teksnya)",
		"trainer.import.bad-text-lang":       "bahasa %q tidak dikenal untuk --text-lang: pakai id atau en",
		"trainer.import.too-large":           "%s soal yang diimpor menjadi bank %s MiB, melebihi batas %d MiB untuk sebuah bank",
		"trainer.import.too-large.hint":      "pecah sumbernya (mis. per kategori) dan impor setiap bagian sebagai bank tersendiri",
		"trainer.import.flag.skill":          "id keterampilan untuk soal di luar kategori",
		"trainer.import.bad-format":          "format impor %q tidak dikenal: gunakan gift, aiken, atau moodlexml",
		"trainer.bad-id":                     "%s %q bukan id yang sah: gunakan huruf kecil, angka, dan tanda hubung tunggal, paling banyak 40 karakter",
		"trainer.import.summary":             "asnskill: %d dari %d soal diimpor ke %d keterampilan sebagai bank %s (teks berbahasa %s)",
		"trainer.import.next":                "berikutnya: lengkapi setiap TODO, lalu jalankan 'asnskill lint %s'",
		"trainer.import.hint":                "perbaiki berkas pada baris itu lalu impor lagi",
		"trainer.import.invalid":             "bank hasil impor tidak dapat dibaca (%s); mohon laporkan",
		"trainer.import.default-skill-id":    "umum",
		"trainer.import.default-skill":       "Umum",
		"trainer.todo.title":                 "TODO: nama jabatan",
		"trainer.todo.summary":               "TODO: dua atau tiga kalimat tentang tugas jabatan ini di pemerintahan.",
		"trainer.todo.recommendation":        "TODO: kursus, bacaan, atau latihan untuk level 1 dan 2",
		"trainer.warn.unsupported":           "soal %q: jenis soal %s tidak didukung; dilewati",
		"trainer.warn.no-prompt":             "soal %q tidak memiliki teks; dilewati",
		"trainer.warn.option-count":          "soal %q memiliki %d pilihan, soal bank memiliki 2 sampai 6; dilewati",
		"trainer.warn.empty-option":          "soal %q: pilihan %s tidak memiliki teks; dilewati",
		"trainer.warn.no-right-answer":       "soal %q tidak memiliki pilihan berbobot positif; dilewati",
		"trainer.warn.no-wrong-answer":       "soal %q memberi nilai yang sama untuk setiap pilihan; dilewati",
		"trainer.warn.unequal-shares":        "soal %q: bobot pilihan yang benar tidak sama; kini setiap pilihan benar mendapat bagian yang sama",
		"trainer.warn.judgement-from-multi":  "soal %q: satu pilihan 100%% dan nilai sebagian untuk pilihan lain; diimpor sebagai soal judgement (satu pilihan)",
		"trainer.warn.odd-weights":           "soal %q: jumlah bobot positif bukan 100%%; diimpor sebagai multiple dengan setiap pilihan berbobot positif dianggap benar",
		"trainer.warn.judgement-zero":        "soal %q: pilihan berbobot 0%% atau kurang mendapat skor 1, seperlima poin, pada soal judgement",
		"trainer.warn.judgement-rounded":     "soal %q: bobot dibulatkan menjadi skor judgement 1 sampai 5",
		"trainer.warn.control-removed":       "soal %q: karakter kendali dihapus",
		"trainer.warn.images-dropped":        "soal %q: %d gambar dibuang; uraikan isinya dalam teks",
		"trainer.err.too-large":              "berkas lebih besar dari %d MiB",
		"trainer.err.no-questions":           "tidak ada soal yang dapat diimpor (%d ditemukan, %d dilewati)",
		"trainer.err.gift-name":              "nama soal tidak ditutup dengan ::",
		"trainer.err.gift-brace-close":       "ada } tanpa { yang membuka jawaban (tulis \\} untuk kurung kurawal dalam teks)",
		"trainer.err.gift-brace-open":        "{ membuka jawaban tetapi tidak ada } yang menutupnya",
		"trainer.err.gift-two-blocks":        "ada blok jawaban kedua dalam satu soal (tulis \\{ untuk kurung kurawal dalam teks)",
		"trainer.err.gift-answer-prefix":     "ada teks sebelum jawaban pertama: setiap jawaban diawali = atau ~",
		"trainer.err.gift-weight":            "bobot %s di luar -100..100",
		"trainer.err.aiken-answer-alone":     "baris ANSWER tanpa soal",
		"trainer.err.aiken-no-options":       "soal tidak memiliki pilihan (baris seperti A. … atau A) …)",
		"trainer.err.aiken-bad-answer":       "ANSWER %q bukan salah satu pilihan %s",
		"trainer.err.aiken-duplicate-letter": "pilihan %s muncul dua kali",
		"trainer.err.aiken-option-first":     "pilihan %s muncul sebelum teks soal",
		"trainer.err.aiken-no-answer":        "soal berakhir tanpa baris ANSWER:",
		"trainer.err.xml":                    "XML: %s",
		"trainer.err.moodle-root":            "bukan berkas soal Moodle XML: seharusnya <quiz>, ditemukan <%s>",
		"trainer.err.moodle-fraction":        "fraction jawaban %q bukan angka dari -100 sampai 100",
		"trainer.err.moodle-truefalse":       "soal truefalse memerlukan dua jawaban true dan false",

		"trainer.export.short": "Ekspor bank soal ke GIFT, Moodle XML, atau paket QTI 2.1",
		"trainer.export.long": `Tulis bank soal dalam format yang dibaca Moodle atau platform pembelajaran lain.

FORMAT adalah gift, moodlexml, atau qti; BANK adalah id bank yang dimuat atau
path. --lang memilih bahasa yang diekspor; tanpa itu, moodlexml membawa kedua
bahasa dalam span multilang Moodle (import membacanya kembali). Setiap keterampilan menjadi
kategori (bagian/section pada QTI); bobot pilihan diatur agar penilaian
sebagian di platform memberi skor yang sama dengan asnskill. Apa yang tidak
dapat dibawa format itu (level, rekomendasi, bobot dan target keterampilan,
bahasa lain, …) dicantumkan di keluaran galat standar. qti menulis arsip zip:
berikan --out, atau alihkan keluaran standar.`,
		"trainer.export.bad-format":       "format ekspor %q tidak dikenal: gunakan gift, moodlexml, atau qti",
		"trainer.export.tty":              "qti menulis arsip zip; berikan --out FILE atau alihkan keluaran standar",
		"trainer.export.losses":           "asnskill: tidak terbawa oleh %s:",
		"trainer.loss.levels":             "level (%d jenjang)",
		"trainer.loss.recommendations":    "rekomendasi (%d)",
		"trainer.loss.skills":             "bobot, target level, dan batas lulus keterampilan (%d keterampilan)",
		"trainer.loss.skill-descriptions": "deskripsi keterampilan (%d)",
		"trainer.loss.passing":            "nilai lulus, batas waktu, dan jumlah soal kuis",
		"trainer.loss.summary":            "ringkasan jabatan",
		"trainer.loss.authors":            "penulis dan lisensi",
		"trainer.loss.difficulty":         "tingkat kesulitan (%d soal tidak bernilai bawaan 2)",
		"trainer.loss.points":             "poin: setiap soal GIFT bernilai 1 di Moodle",
		"trainer.loss.references":         "referensi (%d soal)",
		"trainer.loss.irt":                "parameter IRT (%d soal)",
		"trainer.loss.tags":               "tag (%d soal)",
		"trainer.loss.tf-labels":          "kata-kata pilihan soal truefalse (%d soal): Moodle menampilkan true dan false",
		"trainer.loss.language":           "teks berbahasa %s",
		"trainer.loss.fallback":           "%d teks tidak memiliki versi %s; diekspor dalam bahasa lain",

		"trainer.new.short": "Tulis kerangka bank soal untuk dilengkapi pelatih",
		"trainer.new.long": `Tulis BANK-ID.yaml (atau --out): bank dengan baris skema, satu keterampilan,
satu soal untuk setiap jenis (single, multiple, truefalse, judgement), dan
komentar yang menjelaskan setiap kolom. Ganti setiap TODO, lalu periksa berkas
dengan asnskill lint. Berkas yang sudah ada tidak pernah ditimpa tanpa --force.`,
		"trainer.new.exists":      "%s sudah ada",
		"trainer.new.exists.hint": "gunakan --force untuk menimpanya, atau --out untuk menulis di tempat lain",
		"trainer.new.next":        "berikutnya: ganti setiap TODO, lalu jalankan 'asnskill lint %s'",

		"trainer.preview.short": "Tampilkan setiap soal bank beserta kunci dan penjelasannya",
		"trainer.preview.long": `Cetak setiap soal bank sesuai urutan berkas, dengan pilihan, kunci, umpan
balik pilihan, penjelasan, dan referensi, untuk diperiksa penulis atau rekan.
BANK adalah id bank yang dimuat atau path. -o markdown menulis Markdown, untuk
dicetak atau ditelaah.`,
		"trainer.preview.header":         "%s %s · %d soal · %d keterampilan · %s",
		"trainer.preview.skill":          "keterampilan",
		"trainer.preview.difficulty":     "kesulitan %d",
		"trainer.preview.points":         "poin %s",
		"trainer.preview.key":            "Kunci",
		"trainer.preview.score":          "skor %d",
		"trainer.preview.feedback":       "umpan balik",
		"trainer.preview.explanation":    "Penjelasan",
		"trainer.preview.no-explanation": "(tanpa penjelasan)",
		"trainer.preview.references":     "Referensi",
		"trainer.preview.tags":           "Tag",
		"trainer.preview.type.single":    "pilihan tunggal",
		"trainer.preview.type.multiple":  "pilihan ganda kompleks",
		"trainer.preview.type.truefalse": "benar/salah",
		"trainer.preview.type.judgement": "penilaian situasi",

		"trainer.new.skeleton": `# yaml-language-server: $schema=bank.schema.json
# Bank soal untuk satu jabatan pemerintahan, dalam format asnskill/bank/v1.
# Ganti setiap TODO, lalu periksa berkas dengan: asnskill lint %[2]s
# Formatnya: https://github.com/asnskill/asnskill/blob/main/docs/bank-format.md
# Menulis soal yang mengukur keterampilan (dan lolos lint):
# https://github.com/asnskill/asnskill/blob/main/docs/writing-questions.md
# Teks yang dibaca orang boleh ditulis dalam bahasa Indonesia (id) dan
# Inggris (en), seperti di bawah, atau sebagai satu string biasa dalam bahasa
# bank.

# Format berkas ini: selalu asnskill/bank/v1.
format: asnskill/bank/v1
# Id bank: huruf kecil, angka, dan tanda hubung tunggal, paling banyak 40
# karakter, unik di antara bank yang Anda muat.
id: %[1]s
# Versi isi (MAYOR.MINOR.PATCH); naikkan setiap kali soal berubah.
version: 0.1.0
# Bahasa string biasa: id (bawaan) atau en.
language: id
# Bahasa yang dipakai bank (bawaan: keduanya). Bank yang hanya ditulis dalam
# satu bahasa menyatakannya, dan lint berhenti meminta bahasa lainnya:
# languages: [id]
# Nama jabatan.
title:
  id: "TODO: nama jabatan"
  en: "TODO: name of the role"
# Dua atau tiga kalimat: apa yang dikerjakan jabatan ini di pemerintahan.
summary:
  id: "TODO: dua atau tiga kalimat tentang tugas jabatan ini di pemerintahan."
  en: "TODO: two or three sentences on what this role does in government."
# Penulis bank (opsional).
authors:
  - "TODO: nama Anda"
# Lisensi isi sebagai pengenal SPDX (opsional).
license: CC-BY-4.0
# Persentase keseluruhan untuk lulus, 0 sampai 100 (bawaan 65).
passing_score: 65
# Waktu yang disarankan untuk seluruh kuis, misalnya 30m atau 1h (bawaan:
# satu menit per soal).
time_limit: 10m
# Jumlah soal yang diambil kuis bawaan (bawaan: 20, atau semua bila kurang).
quiz_size: 4
# levels tidak ditulis, jadi berlaku lima jenjang bawaan: 1 Dasar mulai 0
# persen, 2 Berkembang mulai 40, 3 Cakap mulai 60, 4 Mahir mulai 75, 5 Ahli
# mulai 90. Untuk mengubahnya, tulis setiap jenjang dengan level, min, name.
# calibration: ditulis oleh 'asnskill calibrate --write' (date, sample_size,
# method) bersama irt setiap soal; jangan ditulis dengan tangan.

# Keterampilan yang dibutuhkan jabatan; setiap keterampilan perlu soal.
skills:
    # Id keterampilan, dipakai oleh soal: aturannya sama dengan id bank.
  - id: skill-one
    # Nama keterampilan.
    name:
      id: "TODO: nama keterampilan"
      en: "TODO: name of the skill"
    # Cakupan keterampilan (opsional).
    description:
      id: "TODO: apa yang dicakup keterampilan ini."
      en: "TODO: what this skill covers."
    # Seberapa penting keterampilan ini bagi jabatan, di atas 0 (bawaan 1);
    # menentukan urutan kesenjangan dan rekomendasi.
    weight: 1
    # Level, 1 sampai 5, yang dibutuhkan jabatan ini.
    target_level: 3
    # Opsional: batas lulus keterampilan ini dalam persen; di bawahnya peserta
    # tidak lulus berapa pun totalnya. Hapus # untuk memakainya.
    # pass_min: 50
    # Apa yang dipelajari bila keterampilan kurang: paling sedikit satu untuk
    # setiap level di bawah target_level.
    recommendations:
        # Level capaian tempat rekomendasi ini ditampilkan.
      - for_levels: [1, 2]
        # course, reading, practice, certification, community, atau regulation.
        kind: course
        title:
          id: "TODO: judul kursus atau bacaan"
          en: "TODO: title of the course or reading"
        # Penyelenggara (opsional).
        provider: "TODO: penyelenggara"
        # Tautan (opsional, hanya https://).
        url: "https://example.org/TODO"
        # Perkiraan waktu belajar dalam jam (opsional).
        hours: 10
        # Satu kalimat: apa yang diperbaiki (opsional).
        why:
          id: "TODO: apa yang diperbaiki."
          en: "TODO: what it fixes."

# Soal-soal. Huruf setiap pilihan (A sampai F) adalah urutannya dalam daftar.
questions:
    # Soal pilihan tunggal: tepat satu pilihan bertanda correct: true.
  - id: skill-one-001
    # Keterampilan yang diukur soal ini: salah satu id keterampilan di atas.
    skill: skill-one
    # single (bawaan), multiple, truefalse, atau judgement.
    type: single
    # 1 mudah, 2 sedang (bawaan), 3 sulit.
    difficulty: 1
    # Poin: di atas 0, bawaan sama dengan kesulitan. Hapus # untuk memakainya.
    # points: 1
    prompt:
      id: "TODO: teks soal pilihan tunggal?"
      en: "TODO: text of the single-choice question?"
    # 2 sampai 6 pilihan.
    options:
      - text:
          id: "TODO: pilihan A"
          en: "TODO: option A"
        # Mengapa pilihan ini benar atau keliru (opsional).
        feedback:
          id: "TODO: mengapa pilihan ini keliru."
          en: "TODO: why this option is wrong."
      - text:
          id: "TODO: pilihan B (kunci)"
          en: "TODO: option B (the key)"
        correct: true
      - text:
          id: "TODO: pilihan C"
          en: "TODO: option C"
      - text:
          id: "TODO: pilihan D"
          en: "TODO: option D"
    # Mengapa kuncinya benar; ditampilkan setelah menjawab.
    explanation:
      id: "TODO: mengapa kuncinya benar."
      en: "TODO: why the key is right."
    # Peraturan, standar, atau sumber (opsional).
    references:
      - "TODO: mis. UU 27/2022 tentang Pelindungan Data Pribadi, Pasal 20"
    # Label bebas (opsional).
    tags: ["todo"]
    # irt: ambang soal dan galat bakunya, ditulis oleh 'asnskill calibrate
    # --write' dari lembar jawaban, bukan dengan tangan.

    # Soal pilihan ganda kompleks: paling sedikit satu pilihan benar dan satu
    # keliru; skornya (benar dipilih - keliru dipilih) / semua yang benar.
  - id: skill-one-002
    skill: skill-one
    type: multiple
    prompt:
      id: "TODO: teks soal pilihan ganda kompleks (pilih semua yang benar)?"
      en: "TODO: text of the multiple-choice question (choose all that apply)?"
    options:
      - text:
          id: "TODO: pernyataan benar pertama"
          en: "TODO: first right statement"
        correct: true
      - text:
          id: "TODO: pernyataan keliru"
          en: "TODO: wrong statement"
      - text:
          id: "TODO: pernyataan benar kedua"
          en: "TODO: second right statement"
        correct: true
    explanation:
      id: "TODO: mengapa pilihan A dan C benar."
      en: "TODO: why options A and C are right."

    # Soal benar/salah: tepat dua pilihan, satu benar.
  - id: skill-one-003
    skill: skill-one
    type: truefalse
    prompt:
      id: "TODO: pernyataan yang benar atau salah."
      en: "TODO: a statement that is true or false."
    options:
      - text:
          id: "Benar"
          en: "True"
        correct: true
      - text:
          id: "Salah"
          en: "False"
    explanation:
      id: "TODO: mengapa pernyataan itu benar."
      en: "TODO: why the statement is true."

    # Soal penilaian situasi, seperti bagian TKP pada seleksi CPNS: setiap
    # pilihan memiliki skor 1 sampai 5 dan tidak ada yang bertanda correct;
    # pilihan terbaik mendapat seluruh poin.
  - id: skill-one-004
    skill: skill-one
    type: judgement
    difficulty: 2
    prompt:
      id: "TODO: situasi kerja; apa yang Anda lakukan?"
      en: "TODO: a situation at work; what do you do?"
    options:
      - text:
          id: "TODO: tindakan terbaik"
          en: "TODO: the best action"
        score: 5
      - text:
          id: "TODO: tindakan yang cukup baik"
          en: "TODO: a fair action"
        score: 3
      - text:
          id: "TODO: tindakan yang lemah"
          en: "TODO: a weak action"
        score: 2
      - text:
          id: "TODO: tindakan terburuk"
          en: "TODO: the worst action"
        score: 1
    explanation:
      id: "TODO: mengapa tindakan terbaik paling tepat."
      en: "TODO: why the best action is the most fitting."
`,
	})
}
