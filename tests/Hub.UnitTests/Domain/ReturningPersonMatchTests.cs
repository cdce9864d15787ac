using Hub.Domain.People;

namespace Hub.UnitTests.Domain;

public sealed class ReturningPersonMatchTests
{
    private static Person PersonWith(string? name = null, DateOnly? dob = null, string? phone = null, string? email = null) =>
        new(name, dob, null, new ContactDetails(ContactMethod.Phone, phone, email, true), CommunicationNeeds.None, EqualityMonitoring.NotGiven, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Should_match_the_same_phone_written_differently()
    {
        ReturningPersonMatch.Compare(PersonWith(phone: "+44 7700 900123"), PersonWith(phone: "07700900123")).ShouldBe(MatchReasons.SamePhone);
    }

    [Fact]
    public void Should_match_email_regardless_of_case()
    {
        ReturningPersonMatch.Compare(PersonWith(email: "Sam@Example.org"), PersonWith(email: "sam@example.org ")).ShouldBe(MatchReasons.SameEmail);
    }

    [Fact]
    public void Should_match_name_only_together_with_date_of_birth()
    {
        var dob = new DateOnly(1990, 5, 17);
        ReturningPersonMatch.Compare(PersonWith("Sam  Lee", dob), PersonWith("sam lee", dob)).ShouldBe(MatchReasons.SameNameAndDateOfBirth);
        ReturningPersonMatch.Compare(PersonWith("Sam Lee"), PersonWith("Sam Lee")).ShouldBe(MatchReasons.None);
        ReturningPersonMatch.Compare(PersonWith(null, dob), PersonWith(null, dob)).ShouldBe(MatchReasons.None);
    }
}
