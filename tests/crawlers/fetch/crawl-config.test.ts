// The crawl configuration's User-Agent check: the shipped placeholder contact (a reserved .example host) is
// recognised so that `soz crawl` can warn a deployment that forgot to set its own; a real contact is not.
import { describe, expect, it } from 'vitest';
import { loadCrawlConfig, placeholderContact } from '../../../crawlers/index.ts';

describe('placeholderContact', () => {
  it('flags contacts on reserved hosts, including the shipped configuration', () => {
    expect(placeholderContact('SozMonitor/0.1 (+https://soz-monitor.example/crawler)')).toBe(
      'https://soz-monitor.example/crawler',
    );
    expect(placeholderContact('SozMonitor/0.1 (+http://crawler.test/about; ops)')).toBe(
      'http://crawler.test/about',
    );
    expect(placeholderContact(loadCrawlConfig().userAgent)).not.toBeNull();
  });

  it('accepts a contact a newsroom could actually reach', () => {
    expect(placeholderContact('SozMonitor/0.1 (+https://adilsoz.kz/monitoring-crawler)')).toBeNull();
    // A host merely containing "example" is a real name, not the reserved top-level domain.
    expect(placeholderContact('SozMonitor/0.1 (+https://examples.kz/bot)')).toBeNull();
  });
});
