using Bogus;
using Hub.Domain.Referrals;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>
/// Unique references in the hub's alphabet, deterministic for a seed: the index is scrambled by
/// an affine map that is a bijection on all 20^8 references (its step shares no factor with 20).
/// </summary>
internal sealed class ReferenceSequence
{
    private const long Space = 25_600_000_000; // 20^8
    private readonly long _step;
    private readonly long _offset;

    public ReferenceSequence(Randomizer random)
    {
        var step = random.Long(Space / 3, Space - 1) | 1;
        while (step % 5 == 0)
        {
            step += 2;
        }
        _step = step;
        _offset = random.Long(0, Space - 1);
    }

    public string At(int index)
    {
        var n = (long)(((Int128)index * _step + _offset) % Space);
        Span<char> chars = stackalloc char[ReferralReference.Length];
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            chars[i] = ReferralReference.Alphabet[(int)(n % ReferralReference.Alphabet.Length)];
            n /= ReferralReference.Alphabet.Length;
        }
        return string.Concat(chars[..4], "-", chars[4..]);
    }
}
