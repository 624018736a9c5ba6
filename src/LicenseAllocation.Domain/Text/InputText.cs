using System.Globalization;
using System.Text;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Domain.Text;

/// <summary>
/// The one rule for text people type into the portal — reasons, unit names, plan names, document references, signers
/// — whichever path it comes by (a page, the API, an import). Text is stored in Unicode NFC with runs of white space
/// folded to one space, and refused when it could mislead whoever reads it later:
/// <list type="bullet">
/// <item><c>invalid-characters</c>: control characters (NUL, escape…), format and bidirectional characters (zero-width
/// spaces and joiners, right-to-left overrides, byte-order marks), unassigned or private code points, filler letters
/// that draw nothing, or nothing visible at all;</item>
/// <item><c>mixed-script</c>: one word written in more than one of Latin, Cyrillic and Greek ("Аn Giang" with a
/// Cyrillic А looks like the Latin one and would be another name).</item>
/// </list>
/// Vietnamese is Latin with diacritics, so every Vietnamese name passes; a word wholly in Cyrillic or Greek passes too.
/// </summary>
public static class InputText
{
    /// <summary>Letters that draw nothing (Hangul fillers) and the blank Braille pattern: "visible" to Unicode, not to a reader.</summary>
    private static readonly HashSet<int> _invisibleLetters = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800];

    /// <summary>NFC, white space folded to single spaces, trimmed. Null stays null.</summary>
    public static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var composed = value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var ch in composed)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Null when the text may be stored (an empty, blank or absent text is for the field's own rule to accept or refuse);
    /// otherwise <see cref="AllocationErrorCode.InvalidCharacters"/> or <see cref="AllocationErrorCode.MixedScript"/>.
    /// </summary>
    public static AllocationError? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // White space (tabs and line breaks included) is folded to one space when stored; every other character is
        // looked at as typed, so that a control character is refused rather than folded away.
        var visible = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                continue;
            }

            if (!Rune.TryGetRuneAt(value, i, out var rune))
            {
                return AllocationError.InvalidCharacters();
            }

            if (!rune.IsBmp)
            {
                i++;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                    or UnicodeCategory.OtherNotAssigned:
                    return AllocationError.InvalidCharacters();
                case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
                    break;
                default:
                    if (_invisibleLetters.Contains(rune.Value))
                    {
                        return AllocationError.InvalidCharacters();
                    }

                    visible = true;
                    break;
            }
        }

        if (!visible)
        {
            return AllocationError.InvalidCharacters();
        }

        return HasMixedScriptWord(Normalize(value)!) ? AllocationError.MixedScript() : null;
    }

    /// <summary>How two names are compared for sameness: NFC, white space folded, and case folded (invariant).</summary>
    public static string CompareKey(string value) => Normalize(value)!.ToUpperInvariant();

    /// <summary>Whether two names would read as the same name (see <see cref="CompareKey"/>).</summary>
    public static bool SameName(string a, string b) => string.Equals(CompareKey(a), CompareKey(b), StringComparison.Ordinal);

    private static bool HasMixedScriptWord(string text)
    {
        var script = Script.None;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                // Words are separated by anything that is not a letter or a mark (spaces, digits, punctuation).
                if (!IsMark(rune))
                {
                    script = Script.None;
                }

                continue;
            }

            var current = ScriptOf(rune.Value);
            if (current == Script.None)
            {
                continue;
            }

            if (script != Script.None && script != current)
            {
                return true;
            }

            script = current;
        }

        return false;
    }

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static Script ScriptOf(int codePoint) => codePoint switch
    {
        <= 0x024F or (>= 0x1E00 and <= 0x1EFF) or (>= 0x2C60 and <= 0x2C7F) or (>= 0xA720 and <= 0xA7FF) or (>= 0xFF21 and <= 0xFF5A) => Script.Latin,
        (>= 0x0370 and <= 0x03FF) or (>= 0x1F00 and <= 0x1FFF) => Script.Greek,
        (>= 0x0400 and <= 0x052F) or (>= 0x1C80 and <= 0x1C8F) or (>= 0x2DE0 and <= 0x2DFF) or (>= 0xA640 and <= 0xA69F) => Script.Cyrillic,
        _ => Script.None,
    };

    private enum Script
    {
        None,
        Latin,
        Greek,
        Cyrillic,
    }
}
