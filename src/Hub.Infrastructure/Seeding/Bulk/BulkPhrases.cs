using Hub.Domain.Conversations;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>
/// Invented words for invented people: short, ordinary phrases of the kind people write at the
/// front door and say in a conversation, combined at random. None comes from a real record.
/// </summary>
internal static class BulkPhrases
{
    public static readonly string[] WhatIsHappening =
    [
        "I can't sleep and I feel on edge all the time.",
        "Since I lost my job I have stopped going out.",
        "I keep having panic attacks on the way to work.",
        "I feel low most days and I can't see the point of things.",
        "My relationship ended and I am struggling to cope.",
        "I am caring for my dad and I feel like I am disappearing.",
        "Money worries are keeping me awake at night.",
        "I have been drinking more than I want to.",
        "I feel lonely since I moved here.",
        "Things got on top of me after my mum died.",
        "I worry about everything and it is wearing me out.",
        "I have not felt like myself since the baby was born.",
        "I am behind on rent and scared of losing my flat.",
        "My GP suggested I get in touch about my mood.",
        "I get angry quickly and it is affecting my family.",
        "I have been off work for a month with stress.",
        "I find it hard to leave the house some days.",
        "Memories from the past keep coming back.",
        "I feel overwhelmed at university and I am falling behind.",
        "I am not eating properly and I have no energy.",
        "Things were getting better but this week they got worse again.",
        "I want to talk to someone before things get worse.",
    ];

    public static readonly string[] WhatWouldHelp =
    [
        "Someone to talk to.",
        "Help with money and bills.",
        "Meeting other people who have been through it.",
        "Ways to manage the panic.",
        "Help getting back to work.",
        "Support for me as a carer.",
        "Somewhere to go during the day.",
        "Help with housing.",
        "Talking to someone in my own language.",
        "I am not sure yet.",
    ];

    public static readonly string[] WhatMatters =
    [
        "Being a good parent to my children.",
        "Getting back to work and feeling useful.",
        "Seeing my friends again.",
        "Keeping my flat.",
        "Feeling calmer day to day.",
        "My faith and my community.",
        "Looking after my health.",
        "Finishing my course.",
        "Being able to go out on my own.",
        "Sleeping through the night.",
    ];

    public static readonly string[] GoingWell =
    [
        "My sister calls every day.",
        "I have started walking in the park.",
        "Work have been understanding.",
        "I still enjoy cooking.",
        "My dog gets me out of the house.",
        "I went back to the choir last week.",
    ];

    public static readonly string[] Strengths =
    [
        "Kind, and good at listening to others.",
        "Determined; has got through hard times before.",
        "Practical and good with their hands.",
        "Creative: draws and writes.",
        "Well organised when things are calmer.",
        "A sense of humour that others value.",
    ];

    public static readonly string[] Resources =
    [
        "A library card and a bus pass.",
        "A supportive neighbour.",
        "A local faith group.",
        "An allotment shared with a friend.",
        "A part-time job they like.",
    ];

    public static readonly string[] Goals =
    [
        "Go to the shops on my own.",
        "Sleep at least six hours most nights.",
        "Sort out my benefits.",
        "Get back in touch with old friends.",
        "Go back to work part time.",
        "Feel able to say no to people.",
        "Join a group once a week.",
        "Cut down on drinking.",
        "Manage panic when it starts.",
        "Have a regular routine.",
        "Find somewhere safe to live.",
        "Spend time doing something I enjoy.",
    ];

    public static readonly string[] NeedInTheirWords =
    [
        "It is always on my mind.",
        "I do not know where to start.",
        "It has been like this for months.",
        "It makes everything else harder.",
        "I have tried before but nothing changed.",
    ];

    public static readonly Dictionary<DeterminantArea, string> NeedHelp = new()
    {
        [DeterminantArea.MoneyDebtAndBenefits] = "A money adviser to go through the letters with me.",
        [DeterminantArea.Housing] = "Help talking to the housing office.",
        [DeterminantArea.WorkStudyOrVolunteering] = "Try some volunteering first.",
        [DeterminantArea.CaringResponsibilities] = "A carers' group and a break now and then.",
        [DeterminantArea.PhysicalHealth] = "See the GP about my back pain.",
        [DeterminantArea.Loneliness] = "A group where I can meet people.",
        [DeterminantArea.Safety] = "Know who to call if things at home get worse.",
        [DeterminantArea.AlcoholAndDrugs] = "Talk to someone about cutting down.",
        [DeterminantArea.Discrimination] = "Someone who understands what I am up against.",
        [DeterminantArea.ImmigrationOrLegalWorries] = "Advice about my visa.",
    };

    public static readonly string[] WarningSigns = ["Not answering the phone.", "Staying in bed all day.", "Not eating.", "Drinking more."];

    public static readonly string[] WhatHelps = ["A walk and a shower.", "Calling my sister.", "Music and a cup of tea.", "Writing things down."];

    public static readonly string[] PeopleAndPlaces = ["My friend round the corner.", "The library.", "My brother.", "The café at the community centre."];

    public static readonly string[] PractitionerSummaries =
    [
        "Agreed to start with the money worries, then the group.",
        "Keen to get back to work; will meet again in two weeks.",
        "Prefers text messages; agreed a plan for bad days.",
        "Linked with the carers' group; follow up by phone.",
        "Wants peer support; offer to the peer team.",
    ];

    public static readonly string[] Relationships = ["Mum", "Dad", "Sister", "Brother", "Partner", "Friend", "Neighbour", "Daughter", "Son", "Work colleague"];

    public static readonly string[] DialogComments = ["Better than last month.", "This is the hardest one.", "Depends on the day.", "Not really an issue."];

    public static readonly string[] TriageNotes =
    [
        "Talked on the phone; conversation booked.",
        "Given details of the community offer; happy to go along.",
        "Asked us to close: has found support elsewhere.",
        "Letter sent with how to get back in touch.",
    ];

    public static readonly string[] ContactNotes =
    [
        "Went through the plan together.",
        "Talked about the week; things a little easier.",
        "Looked at the group timetable together.",
        "Practised the breathing exercise.",
        "Checked in by phone.",
    ];

    public static readonly string[] ClosureNotes =
    [
        "Goals met; knows how to come back.",
        "Now going to the group each week.",
        "Moved to the trust's psychology service.",
        "Chose to stop for now; door left open.",
        "Tried several times; letter sent.",
    ];

    public static readonly string[] AccessNeeds =
    [
        "I am deaf: please text or email.",
        "Phone calls are hard for me; email is best.",
        "I use a wheelchair.",
        "Large print letters, please.",
        "Short messages help: I have dyslexia.",
    ];

    public static readonly string[] Languages = ["Polish", "Portuguese", "Urdu", "Bengali", "Somali", "Arabic", "Romanian", "Punjabi"];
}
