namespace Hub.Domain.People;

/// <summary>Why the hub will not text a person (see <see cref="ContactDetails.WhyNoText"/>).</summary>
public enum NoTextReason
{
    /// <summary>No UK mobile number was given.</summary>
    NoMobile = 1,

    /// <summary>The person asked to be reached another way.</summary>
    DidNotChooseTexts = 2,

    /// <summary>The person did not say a message is safe (or said it is not).</summary>
    NotSafe = 3,
}
