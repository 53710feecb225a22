<?php
/*
 * loopback_fetch: a plugin for Bulletin's tests only, never for a real server.
 *
 * Tiny Tiny RSS (Debian 12's 21~git20210204) will not fetch a feed from the test's own feed
 * server: UrlHelper refuses loopback hosts and ports other than 80 and 443, and it stores a
 * subscribed address without its port. For an address whose host is 127.0.0.1 this plugin
 * downloads the feed from 127.0.0.1:BULLETIN_FEED_PORT (the port the address names, where it
 * still has one) and hands the bytes to tt-rss through its documented plugin hooks, so that
 * parsing, storing, counters and the whole API stay tt-rss's own code.
 */
class Loopback_Fetch extends Plugin {
	function about() {
		return array(1.0, "Bulletin tests: fetch feeds served on 127.0.0.1", "bulletin", true);
	}

	function api_version() {
		return 2;
	}

	function init($host) {
		$host->add_hook($host::HOOK_SUBSCRIBE_FEED, $this);
		$host->add_hook($host::HOOK_FEED_BASIC_INFO, $this);
		$host->add_hook($host::HOOK_FETCH_FEED, $this);
	}

	/* The loopback address to download instead of $url, or null when $url is not ours. */
	private function loopback($url) {
		$parts = parse_url((string)$url);
		if (!$parts || ($parts['host'] ?? '') !== '127.0.0.1') return null;
		$port = $parts['port'] ?? (defined('BULLETIN_FEED_PORT') ? BULLETIN_FEED_PORT : 0);
		if (!$port) return null;
		$target = "http://127.0.0.1:$port" . ($parts['path'] ?? '/');
		return isset($parts['query']) ? "$target?{$parts['query']}" : $target;
	}

	private function download($url) {
		$target = $this->loopback($url);
		if (!$target) return "";
		$curl = curl_init($target);
		curl_setopt_array($curl, [CURLOPT_RETURNTRANSFER => true, CURLOPT_FOLLOWLOCATION => false,
			CURLOPT_CONNECTTIMEOUT => 5, CURLOPT_TIMEOUT => 15]);
		$body = curl_exec($curl);
		$status = curl_getinfo($curl, CURLINFO_HTTP_CODE);
		curl_close($curl);
		return ($body !== false && $status == 200) ? trim($body) : "";
	}

	function hook_subscribe_feed($contents, $url, $auth_login, $auth_pass) {
		return $contents ? $contents : ($this->download($url) ?: $contents);
	}

	function hook_feed_basic_info($basic_info, $fetch_url, $owner_uid, $feed_id, $auth_login, $auth_pass) {
		if ($basic_info) return $basic_info;
		$body = $this->download($fetch_url);
		if (!$body) return $basic_info;
		$parser = new FeedParser($body);
		$parser->init();
		if ($parser->error()) return $basic_info;
		return array('title' => mb_substr(clean($parser->get_title()), 0, 199),
			'site_url' => mb_substr(rewrite_relative_url($fetch_url, clean($parser->get_link())), 0, 245));
	}

	function hook_fetch_feed($feed_data, $fetch_url, $owner_uid, $feed, $last_article_timestamp, $auth_login, $auth_pass) {
		return $feed_data ? $feed_data : $this->download($fetch_url);
	}
}
