#pragma once

#include <QString>

#include <optional>

namespace bulletin {

class Cache;

// A fresh profile opens on the bundled sample story (resources/sample/, by Questiqa Europe
// News). The sample is imported once per cache: a user who deletes it does not get it back.
// Returns the id of the story to open, or nothing when the cache was not fresh.
std::optional<qint64> importSampleOnFirstRun(Cache &cache, QString *error);

// The bundled sample's text.
QByteArray sampleStoryBytes();

} // namespace bulletin
