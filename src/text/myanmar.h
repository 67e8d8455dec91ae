// Romanization of Myanmar (Burmese) script in the informal conventional spelling that Burmese
// people and firms use for their own names in Latin letters ("Aung Kyaw Oo", "Shwe Mingalar
// Co. Ltd"), not the scholarly MLCTS transliteration ICU's Myanmar-Latin transform produces
// ("aung kyau u", "rhwe"). Pure function, thread-safe.
//
// Rules (see myanmar.cc for the tables and the facts behind them):
// - Text is read as Unicode Myanmar (UTN #11 storage order, tolerant of common order slips);
//   each syllable is an onset consonant or independent vowel, medials ျ ြ ွ ှ, vowel signs,
//   tones, and an optional final consonant closed by asat ် or stacked by virama ္ (kinzi
//   င်္ and stacks like ကုမ္ပဏီ close the previous syllable).
// - Onsets and medial clusters: က k, ခ kh, ဆ hs, သ th, ထ ht, ကျ/ကြ ky, ချ ch, မြ my,
//   ရှ/ယှ sh, လှ hl, မှ hm ...; rhymes in name spelling: ာ ar, ေ ay (ွေ we, အေ aye), ို o (ိုး
//   oe as in Soe/Moe), ော် aw, ောင် aung, ိုင် aing, ိန် ein, ုန်/ုံ one (အုန်း ohn), ွန် un,
//   ည် i (ည့် ae), ယ် al (ွယ် we), creaky nasal finals gain t (Myint, Thant, Nyunt).
// - Tone marks are dropped; voicing sandhi is not applied except in a short list of words
//   whose conventional spelling is fixed (ရတနာ ya da nar, ရန်ကုန် yan gon, ကြီး gyi after
//   the first syllable); the title ဦး is "u" first in a name and "oo" after another syllable.
// - Myanmar and Shan digits become ASCII digits; ၊ and ။ become "," and ".".
#pragma once

#include <string>
#include <string_view>

namespace tamiz::text {

// `utf8` with every run of Myanmar-block characters (U+1000-U+109F) romanized: the syllables
// of one Burmese word (a run without spaces) separated by one space, e.g. "ဦးကျော်ဇော်ထွန်း"
// -> "u kyaw zaw htun"; a space is also put between a syllable and an adjacent letter or digit
// of other text. Romanized output is lowercase ASCII; other valid characters pass through
// unchanged; invalid UTF-8 bytes are dropped. Zero-width (non-)joiners after Myanmar text are
// dropped and a zero-width space there becomes a space. Linear time.
std::string RomanizeMyanmar(std::string_view utf8);

}  // namespace tamiz::text
