namespace Hub.Domain.Contacts;

public enum ContactMedium
{
    FaceToFace = 1,
    Phone = 2,
    Video = 3,
    TextOrMessage = 4,
}

public enum ContactPlace
{
    Hub = 1,
    Home = 2,
    Cafe = 3,
    GpPractice = 4,
    CommunityVenue = 5,
    Remote = 6,
}

public enum AttemptMethod
{
    Phone = 1,
    Text = 2,
    Email = 3,
    Letter = 4,
}

public enum AttemptResult
{
    NoAnswer = 1,
    LeftMessage = 2,
    SentMessage = 3,
    NumberNotWorking = 4,
}

public static class ContactDescriptions
{
    public static string Describe(this ContactMedium m) => m switch
    {
        ContactMedium.FaceToFace => "Face to face",
        ContactMedium.Phone => "Phone",
        ContactMedium.Video => "Video",
        ContactMedium.TextOrMessage => "Text or message",
        _ => m.ToString(),
    };

    public static string Describe(this ContactPlace p) => p switch
    {
        ContactPlace.Hub => "The hub",
        ContactPlace.Home => "Their home",
        ContactPlace.Cafe => "Café",
        ContactPlace.GpPractice => "GP practice",
        ContactPlace.CommunityVenue => "Community venue",
        ContactPlace.Remote => "Remote (phone, video or message)",
        _ => p.ToString(),
    };

    public static string Describe(this AttemptResult r) => r switch
    {
        AttemptResult.NoAnswer => "No answer",
        AttemptResult.LeftMessage => "Left a message",
        AttemptResult.SentMessage => "Sent a message",
        AttemptResult.NumberNotWorking => "Number or address not working",
        _ => r.ToString(),
    };
}
