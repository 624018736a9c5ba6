using System.Text;

namespace LicenseAllocation.Application.Import;

/// <summary>
/// Finds <c>&lt;!DOCTYPE</c> or <c>&lt;!ENTITY</c> in a stream of bytes read chunk by chunk, in any case and in the
/// encodings an XML part may use (UTF-8, UTF-16 either way round), also where a chunk boundary splits the word.
/// </summary>
internal sealed class DeclarationScanner
{
    private static readonly byte[][] _patterns = [.. new[] { "<!DOCTYPE", "<!ENTITY" }
        .SelectMany(word => new[] { Encoding.ASCII.GetBytes(word), Encoding.Unicode.GetBytes(word), Encoding.BigEndianUnicode.GetBytes(word) })];

    private static readonly int _overlap = _patterns.Max(p => p.Length) - 1;

    private byte[] _window = new byte[64 * 1024];
    private int _carried;

    public void Reset() => _carried = 0;

    public bool Finds(ReadOnlySpan<byte> chunk)
    {
        var length = _carried + chunk.Length;
        if (_window.Length < length)
        {
            Array.Resize(ref _window, length);
        }

        // Upper-case ASCII letters only: the patterns are ASCII, and in UTF-16 their zero bytes stay zero.
        var window = _window.AsSpan(0, length);
        for (var i = 0; i < chunk.Length; i++)
        {
            var b = chunk[i];
            window[_carried + i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }

        foreach (var pattern in _patterns)
        {
            if (window.IndexOf(pattern) >= 0)
            {
                return true;
            }
        }

        // Keep the tail, where the start of a word split by the chunk boundary may lie.
        var keep = Math.Min(_overlap, length);
        window[(length - keep)..].CopyTo(_window);
        _carried = keep;
        return false;
    }
}
