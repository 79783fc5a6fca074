package goname

import "testing"

func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"referring_ips":        "ReferringIPs",
		"referring_subnets":    "ReferringSubnets",
		"url":                  "URL",
		"id":                   "ID",
		"referring_links_tld":  "ReferringLinksTLD",
		"api":                  "API",
		"backlinks_spam_score": "BacklinksSpamScore",
		"se_results_count":     "SeResultsCount",
		"check_url":            "CheckURL",
		"referring ips":        "ReferringIPs",
		"referringDomains":     "ReferringDomains",
		"3pack":                "F3pack",
		"":                     "F",
		"main_domain_rank":     "MainDomainRank",
		"xpath":                "XPath",
	} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnexported(t *testing.T) {
	for in, want := range map[string]string{"id": "id", "url_path": "urlPath", "type": "type_", "limit": "limit", "api_key": "apiKey"} {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPool(t *testing.T) {
	p := NewPool("Validate")
	for _, c := range []struct{ want, key, got string }{
		{"ReferringIPs", "referring_ips", "ReferringIPs"},
		{"ReferringIPs", "referring ips", "ReferringIPs2"},
		{"ReferringIPs", "referring_ips", "ReferringIPs"},
		{"Validate", "validate", "Validate2"},
		{"ReferringIPs", "referringIps", "ReferringIPs3"},
	} {
		if got := p.Name(c.want, c.key); got != c.got {
			t.Errorf("Name(%q, %q) = %q, want %q", c.want, c.key, got, c.got)
		}
	}
}
