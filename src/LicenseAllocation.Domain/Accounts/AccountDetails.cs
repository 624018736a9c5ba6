using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Domain.Accounts;

/// <summary>
/// Who an account belongs to, as officials write it on a letter: full name, position, phone and e-mail. Every field
/// may be left empty (an account made before the fields existed has none); what is given is normalised and checked:
/// names and positions by <see cref="InputText"/> and their length; a phone number of digits with the usual
/// separators; an e-mail address of one local part and a domain with a dot, without spaces or display names, at most
/// <see cref="MaxEmailLength"/> characters (RFC 5321). Empty text is stored as null.
/// </summary>
public static class AccountDetails
{
    public const int MaxFullNameLength = 100;
    public const int MaxPositionLength = 150;
    public const int MaxPhoneLength = 20;
    public const int MinPhoneDigits = 8;
    public const int MaxEmailLength = 254;

    /// <summary>The normalised full name, or null when none was typed.</summary>
    public static string? NormalizeText(string? value) => InputText.Normalize(value) is { Length: > 0 } text ? text : null;

    public static AllocationError? CheckFullName(string? value) => CheckText(value, MaxFullNameLength, AllocationError.InvalidFullName);

    public static AllocationError? CheckPosition(string? value) => CheckText(value, MaxPositionLength, AllocationError.InvalidPosition);

    /// <summary>The phone number with its spaces folded, or null when none was typed.</summary>
    public static string? NormalizePhone(string? value) => NormalizeText(value);

    /// <summary>Digits with spaces, dots, dashes, brackets and one leading <c>+</c>: <c>0277 3851 234</c>, <c>+84 277 3851234</c>.</summary>
    public static AllocationError? CheckPhone(string? value)
    {
        if (NormalizePhone(value) is not { } phone)
        {
            return null;
        }

        var digits = 0;
        for (var i = 0; i < phone.Length; i++)
        {
            var ch = phone[i];
            if (ch is >= '0' and <= '9')
            {
                digits++;
            }
            else if (!(ch is ' ' or '.' or '-' or '(' or ')' || ch == '+' && i == 0))
            {
                return AllocationError.InvalidPhone();
            }
        }

        return phone.Length <= MaxPhoneLength && digits >= MinPhoneDigits ? null : AllocationError.InvalidPhone();
    }

    /// <summary>The address trimmed, its domain in lower case, or null when none was typed.</summary>
    public static string? NormalizeEmail(string? value)
    {
        if (value?.Trim() is not { Length: > 0 } email)
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        return at < 0 ? email : string.Concat(email.AsSpan(0, at + 1), email[(at + 1)..].ToLowerInvariant());
    }

    /// <summary>
    /// <c>local@domain.tld</c>: printable ASCII in the local part (no spaces, quotes, brackets or commas), a domain of
    /// letters, digits and hyphens in labels joined by dots (an internationalised domain is written in its <c>xn--</c> form).
    /// </summary>
    public static AllocationError? CheckEmail(string? value)
    {
        if (NormalizeEmail(value) is not { } email)
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length > MaxEmailLength || at <= 0 || at != email.LastIndexOf('@') || at > 64)
        {
            return AllocationError.InvalidEmail();
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) ||
            !local.All(ch => ch is > ' ' and < (char)127 && !"\"(),:;<>[\\]".Contains(ch, StringComparison.Ordinal)))
        {
            return AllocationError.InvalidEmail();
        }

        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(IsDomainLabel) && !labels[^1].All(char.IsAsciiDigit) ? null : AllocationError.InvalidEmail();
    }

    private static bool IsDomainLabel(string label) =>
        label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-') && label.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');

    private static AllocationError? CheckText(string? value, int maxLength, Func<AllocationError> refusal)
    {
        if (NormalizeText(value) is not { } text)
        {
            return null;
        }

        return InputText.Check(text) ?? (text.Length <= maxLength ? null : refusal());
    }
}
