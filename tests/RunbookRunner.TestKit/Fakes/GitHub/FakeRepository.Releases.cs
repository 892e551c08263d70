namespace RunbookRunner.TestKit.Fakes.GitHub;

public sealed partial class FakeRepository
{
    private readonly List<FakeRelease> releases = [];

    public IReadOnlyList<FakeRelease> Releases
    {
        get
        {
            lock (Gate)
            {
                return releases.ToList();
            }
        }
    }

    internal FakeRelease? FindRelease(string tag)
    {
        lock (Gate)
        {
            return releases.SingleOrDefault(r => r.TagName == tag);
        }
    }

    internal FakeRelease AddRelease(FakeRelease release)
    {
        lock (Gate)
        {
            releases.Add(release);
            return release;
        }
    }
}
