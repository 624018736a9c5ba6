using System.Reflection;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Identity;

/// <summary>
/// What a password must not be, beyond its length (OWASP ASVS 2.1.7, NIST SP 800-63B 5.1.1.2), still without
/// composition rules: one of the commonly used passwords (<c>Identity/common-passwords.txt</c>, embedded), a run of
/// one character or of a pattern written twice or more (<c>aaaaaaaaaaaa</c>, <c>passwordpassword</c>), an ascending or descending
/// sequence (<c>123456789012</c>, <c>abcdefghijkl</c>), or the user name (alone, repeated or with a few characters added).
/// Compared without regard to case or the spaces around it.
/// </summary>
public static class PasswordRules
{
    private static readonly Lazy<HashSet<string>> _common = new(Load);

    /// <summary>Null when the password may be used; otherwise <c>common-password</c> or <c>password-like-user-name</c>.</summary>
    public static AllocationError? Check(string password, string userName)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(userName);
        var folded = password.Trim().ToLowerInvariant();
        var name = userName.Trim().ToLowerInvariant();
        if (name.Length > 0 && (folded.Contains(name, StringComparison.Ordinal) && folded.Length - name.Length < 6 || name.Contains(folded, StringComparison.Ordinal)))
        {
            return AllocationError.PasswordLikeUserName();
        }

        return _common.Value.Contains(folded) || IsRepeated(folded) || IsSequence(folded) ? AllocationError.CommonPassword() : null;
    }

    /// <summary>The text is one pattern written at least twice over.</summary>
    private static bool IsRepeated(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            var repeated = true;
            for (var i = length; i < text.Length && repeated; i++)
            {
                repeated = text[i] == text[i - length];
            }

            if (repeated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every character is the one before it plus one, or minus one (digits and letters alike).</summary>
    private static bool IsSequence(string text) =>
        text.Length > 1 && (Steps(text, 1) || Steps(text, -1));

    private static bool Steps(string text, int step)
    {
        for (var i = 1; i < text.Length; i++)
        {
            // "…7890…" continues a digit sequence as the keyboard does.
            var expected = (char)(text[i - 1] + step);
            if (text[i] != expected && !(step == 1 && text[i - 1] == '9' && text[i] == '0') && !(step == -1 && text[i - 1] == '0' && text[i] == '9'))
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry && !entry.StartsWith('#'))
            {
                passwords.Add(entry.ToLowerInvariant());
            }
        }

        return passwords;
    }
}
