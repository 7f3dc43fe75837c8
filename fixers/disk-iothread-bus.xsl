<?xml version="1.0"?>
<!-- disk-iothread-bus: drop iothread from the <driver> of a disk that is not
     virtio-blk, or of a controller that cannot use one.  A <driver> left
     without attributes or children is removed.
     Parameters: targets, the vl:id of each <driver>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="driver">
    <xsl:choose>
      <xsl:when test="not(contains($targets, concat(' ', @vl:id, ' ')))">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="not(@*[namespace-uri() = '' and name() != 'iothread']) and not(*)"/>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*[name() != 'iothread']|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
