namespace Dua.Domain.Tests;

public class PseudonymizerTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Pseudonym_is_HMAC_SHA256_of_the_12_digit_form_in_lowercase_hex()
    {
        // Expected values from Python: hmac.new(bytes(range(1, 33)), b"198112189876", hashlib.sha256).hexdigest()
        var pseudonymizer = new Pseudonymizer(Key);
        Assert.Equal(
            "b398df9ae88223daf82e2d554889d51088a01c4517da0bbd4285e6198ebe2cfd",
            pseudonymizer.Pseudonymize(PersonalIdentityNumber.Parse("811218-9876", Today)));
        Assert.Equal(
            "2dd9382e49c9d5fcf213ffd594158453e779f75acff9483259d1364058e030b9",
            pseudonymizer.Pseudonymize(PersonalIdentityNumber.Parse("701063-2391", Today)));
    }

    [Fact]
    public void Same_number_in_any_notation_gets_the_same_pseudonym()
    {
        var pseudonymizer = new Pseudonymizer(Key);
        var pseudonyms = new[] { "811218-9876", "8112189876", "198112189876", "19811218-9876" }
            .Select(n => pseudonymizer.Pseudonymize(PersonalIdentityNumber.Parse(n, Today)))
            .Distinct()
            .ToList();
        var pseudonym = Assert.Single(pseudonyms);
        Assert.Matches("^[0-9a-f]{64}$", pseudonym);
    }

    [Fact]
    public void Different_key_or_number_gives_a_different_pseudonym()
    {
        var number = PersonalIdentityNumber.Parse("811218-9876", Today);
        var otherKey = (byte[])Key.Clone();
        otherKey[^1] ^= 1;
        Assert.NotEqual(new Pseudonymizer(Key).Pseudonymize(number), new Pseudonymizer(otherKey).Pseudonymize(number));

        // The same ten digits a century apart are different people.
        Assert.NotEqual(
            new Pseudonymizer(Key).Pseudonymize(PersonalIdentityNumber.Parse("121212-1212", Today)),
            new Pseudonymizer(Key).Pseudonymize(PersonalIdentityNumber.Parse("121212+1212", Today)));
    }

    [Fact]
    public void Key_is_copied_so_later_changes_to_the_buffer_do_not_matter()
    {
        var key = (byte[])Key.Clone();
        var pseudonymizer = new Pseudonymizer(key);
        var number = PersonalIdentityNumber.Parse("811218-9876", Today);
        var before = pseudonymizer.Pseudonymize(number);
        Array.Clear(key);
        Assert.Equal(before, pseudonymizer.Pseudonymize(number));
    }

    [Fact]
    public void Short_or_missing_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Pseudonymizer(new byte[31]));
        Assert.Throws<ArgumentException>(() => new Pseudonymizer([]));
        Assert.Throws<ArgumentNullException>(() => new Pseudonymizer(null!));
        _ = new Pseudonymizer(new byte[32]);
    }
}
