<?xml version="1.0"?>
<!-- disk-driver-virtio-only: remove virtio-only attributes from the
     <driver> of a disk on another bus.
     Parameters:
       targets  the vl:id of each <driver>, space-separated;
       attrs    the attribute names to remove (queues, event_idx, ioeventfd),
                space-separated; only the ones a target has matter. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>
  <xsl:param name="attrs"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="disk/driver">
    <xsl:copy>
      <xsl:choose>
        <xsl:when test="contains($targets, concat(' ', @vl:id, ' '))">
          <xsl:apply-templates select="@*[not(namespace-uri() = '' and
                                          contains(concat(' ', $attrs, ' '), concat(' ', name(), ' ')))]"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="@*"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
